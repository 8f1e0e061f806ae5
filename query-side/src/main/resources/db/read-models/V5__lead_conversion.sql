alter table lead_view add column converted_account_id varchar(100), add column converted_contact_id varchar(100);
alter table contact_view add column lead_id varchar(100);
