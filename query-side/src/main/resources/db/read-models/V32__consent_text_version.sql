-- The version of the consent text the person was shown (LeadCaptured and LeadConsentWithdrawn revision 1): null for
-- every consent recorded before, as their events read.
alter table lead_view add column consent_text_version varchar(50);
