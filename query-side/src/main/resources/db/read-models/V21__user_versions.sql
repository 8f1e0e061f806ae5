-- A user's version (GET /api/v1/users/{id}, its ETag, and ?version=): how many of the user's own events changed
-- their row since their registration, and the organisation stream's sequence number of the last of them, so that
-- an event replayed without a reset changes nothing. Users already projected get theirs from the events the
-- projection has applied (up to organisation_state.version); user ids never need escaping in JSON.
alter table org_user add column version bigint not null default 0,
                     add column last_sequence bigint not null default -1;

update org_user u
set version = counted.events - 1, last_sequence = counted.last
from (select substring(payload from '"userId":"([^"\\]*)"') as user_id, count(*) as events,
             max(sequencenumber) as last
      from domainevententry
      where aggregateidentifier = 'organisation'
        and payloadtype in ('io.relais.organisation.UserRegistered', 'io.relais.organisation.UserProfileChanged',
                            'io.relais.organisation.UserMoved', 'io.relais.organisation.UserDeactivated',
                            'io.relais.organisation.UserReactivated')
        and sequencenumber <= (select version from organisation_state where id = 1)
      group by 1) counted
where counted.user_id = u.id;
