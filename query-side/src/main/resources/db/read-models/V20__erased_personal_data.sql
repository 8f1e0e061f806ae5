-- Whether a person's data was erased (issue 13): the record stays, its personal values are null for good.
alter table lead_view add column personal_data_erased boolean not null default false;
-- An entry written before its lead's erasure, whose changes of personal fields were left out.
alter table lead_history add column personal_data_erased boolean not null default false;
-- An entry about a person whose data was erased after it: the changes of their personal fields were left out.
alter table timeline_entry add column personal_data_erased boolean not null default false;
-- the contact an activity entry is about is found from the activity
create index timeline_link_member on timeline_link (member_id);
alter table contact_view add column personal_data_erased boolean not null default false;
-- An activity about an erased contact keeps neither subject, notes nor outcome.
alter table activity_view alter column subject drop not null;
alter table activity_view add column personal_data_erased boolean not null default false;
-- The contacts whose personal data was erased, for the activities about them projected afterwards.
create table activity_erased_contact (
    contact_id varchar(100) primary key
);
-- The company as given (company holds its compared form): what is left to match and show of an erased lead.
alter table duplicate_record add column company_name text;
update duplicate_record d set company_name = l.company from lead_view l where d.kind = 'LEAD' and d.id = l.id;
update duplicate_record d set company_name = a.legal_name from account_view a where d.kind = 'ACCOUNT' and d.id = a.id;
