-- The auditor's view (docs/audit.md) filters the event store in SQL and reads the events it finds through Axon's
-- serializer and upcasters. Each event belongs to one record: its aggregate, except in the Account aggregate,
-- whose contact events are the contact's, and in the Organisation aggregate, whose events are a territory's
-- (routing included), a user's, or else the organisation's. audit_record names it as '<TYPE>:<id>', TYPE one of
-- io.relais.audit.AuditRecordType; only ids are read from payloads, never personal data.
create function audit_record(aggregate_type text, aggregate_id text, payload_type text, payload text)
    returns text language sql immutable parallel safe
as $$
select case aggregate_type
    when 'Lead' then 'LEAD:' || aggregate_id
    when 'Account' then case
        when payload_type in ('io.relais.account.ContactAdded', 'io.relais.account.ContactUpdated',
                              'io.relais.account.ContactsLinked')
            then 'CONTACT:' || (payload::jsonb ->> 'contactId')
        when payload_type in ('io.relais.account.ContactMovedIn', 'io.relais.account.ContactMovedOut')
            then 'CONTACT:' || (payload::jsonb -> 'contact' ->> 'contactId')
        else 'ACCOUNT:' || aggregate_id end
    when 'Opportunity' then 'OPPORTUNITY:' || aggregate_id
    when 'Activity' then 'ACTIVITY:' || aggregate_id
    when 'Product' then 'PRODUCT:' || aggregate_id
    when 'SalesTarget' then 'SALES_TARGET:' || aggregate_id
    when 'ExchangeRates' then 'EXCHANGE_RATES:' || aggregate_id
    when 'Organisation' then coalesce('TERRITORY:' || (payload::jsonb ->> 'territoryId'),
        'USER:' || coalesce(payload::jsonb ->> 'userId', payload::jsonb ->> 'fromUserId'),
        'ORGANISATION:' || aggregate_id)
    else upper(aggregate_type) || ':' || aggregate_id
end
$$;

-- Each filter an index whose second column is the store position, so that a page of one record, one user (as
-- actor, or on whose behalf: two index scans merged), one request or one event type is read in position order
-- without sorting what came before it.
create index domainevententry_audit_record
    on domainevententry (audit_record(type, aggregateidentifier, payloadtype, payload), globalindex);
create index domainevententry_audit_user on domainevententry ((metadata::jsonb ->> 'userId'), globalindex);
create index domainevententry_audit_on_behalf_of on domainevententry ((metadata::jsonb ->> 'onBehalfOf'), globalindex)
    where (metadata::jsonb ->> 'onBehalfOf') is not null;
create index domainevententry_audit_correlation
    on domainevententry ((metadata::jsonb ->> 'correlationId'), globalindex);
create index domainevententry_audit_event_type on domainevententry (payloadtype, globalindex);
