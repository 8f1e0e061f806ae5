-- Merged accounts and leads point to their survivor; survivors list the duplicates merged into them.
alter table account_view add column merged_into varchar(100), add column merged_ids varchar(100)[] not null default '{}';
alter table lead_view add column merged_into varchar(100), add column merged_ids varchar(100)[] not null default '{}';
create index lead_view_merged_into on lead_view (merged_into) where merged_into is not null;

-- Where a contact stands is decided by the newest move: the position in the event store of the event that
-- put it in its account (accounts count their versions separately, so versions cannot order moves).
alter table contact_view add column placed_at bigint not null default 0;
-- A link belongs to its contact, wherever the contact is: the account it was made in no longer matters.
alter table contact_link drop column account_id;
