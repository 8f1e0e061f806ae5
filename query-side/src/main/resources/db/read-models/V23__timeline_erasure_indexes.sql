-- The timeline looks, for each entry it writes, for a later erasure of the person the entry is about
-- (io.relais.timeline.TimelineRepository): these partial indexes hold the erasure entries alone, so that the look
-- is an index probe instead of a scan of the whole timeline.
create index timeline_entry_lead_erasure on timeline_entry (record_id, position)
    where event_type = 'LeadPersonalDataErased';
create index timeline_entry_contact_erasure on timeline_entry (contact_id, position)
    where event_type = 'ContactPersonalDataErased';
