-- The auditor's view (docs/audit.md) filters the event store in SQL and reads the events it finds through Axon's
-- serializer and upcasters.
--
-- An id in an event's JSON text (its payload or metadata): the first value of the key, read as text, so that no
-- stored row can make an insert fail (jsonb refuses some JSON the store holds, such as "\u0000"). Only for ids
-- and user ids, whose values JSON never escapes: a value with an escape, or a key inside a string, is not read.
create function audit_json_id(document text, field text) returns text language sql immutable parallel safe
as $$ select substring(document from '"' || field || '":"([^"\\]*)"') $$;

-- The record an event belongs to, as '<TYPE>:<id>', TYPE one of io.relais.audit.AuditRecordType: its aggregate,
-- except in the Account aggregate, whose contact events are the contact's, and in the Organisation aggregate,
-- whose events are a territory's (routing included), else a user's, else the organisation's. The ids are read
-- as audit_json_id reads them, spelt out: PostgreSQL evaluates index expressions with only pg_catalog on the
-- search path, where a call to audit_json_id from here would not be found.
create function audit_record(aggregate_type text, aggregate_id text, payload_type text, payload text)
    returns text language sql immutable parallel safe
as $$
select case aggregate_type
    when 'Lead' then 'LEAD:' || aggregate_id
    when 'Account' then case
        when payload_type in ('io.relais.account.ContactAdded', 'io.relais.account.ContactUpdated',
                              'io.relais.account.ContactsLinked', 'io.relais.account.ContactMovedIn',
                              'io.relais.account.ContactMovedOut')
            then 'CONTACT:' || substring(payload from '"contactId":"([^"\\]*)"')
        else 'ACCOUNT:' || aggregate_id end
    when 'Opportunity' then 'OPPORTUNITY:' || aggregate_id
    when 'Activity' then 'ACTIVITY:' || aggregate_id
    when 'Product' then 'PRODUCT:' || aggregate_id
    when 'SalesTarget' then 'SALES_TARGET:' || aggregate_id
    when 'ExchangeRates' then 'EXCHANGE_RATES:' || aggregate_id
    when 'Organisation' then coalesce('TERRITORY:' || substring(payload from '"territoryId":"([^"\\]*)"'),
        'USER:' || coalesce(substring(payload from '"userId":"([^"\\]*)"'),
                            substring(payload from '"fromUserId":"([^"\\]*)"')),
        'ORGANISATION:' || aggregate_id)
    else upper(aggregate_type) || ':' || aggregate_id
end
$$;

-- Each filter an index whose second column is the store position, so that a page of one record, one user (as
-- actor, or on whose behalf: two index scans merged), one request or one event type is read in position order
-- without sorting what came before it.
create index domainevententry_audit_record
    on domainevententry (audit_record(type, aggregateidentifier, payloadtype, payload), globalindex);
create index domainevententry_audit_user on domainevententry (audit_json_id(metadata, 'userId'), globalindex);
create index domainevententry_audit_on_behalf_of on domainevententry (audit_json_id(metadata, 'onBehalfOf'), globalindex)
    where audit_json_id(metadata, 'onBehalfOf') is not null;
create index domainevententry_audit_correlation
    on domainevententry (audit_json_id(metadata, 'correlationId'), globalindex);
create index domainevententry_audit_event_type on domainevententry (payloadtype, globalindex);
