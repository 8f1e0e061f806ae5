-- Similar names are found through the keys they share (io.relais.duplicate.DuplicateRepository, ADR 005) instead
-- of the trigram operator's index, which walks the postings of every trigram of the probe, the common ones ("ie ",
-- "rie": a fortieth of all names) included, so that each search grew with the number of records.
--
-- A name's keys: each word of two letters or more, each word of four letters or more with one letter left out
-- (two names one typing slip apart, a letter added, dropped, changed or two neighbours swapped, share one of
-- these), and the whole name without its spaces ("le fevre", "lefevre"); as 32-bit hashes (a collision only adds
-- a candidate that the similarity then turns away), taken from MD5 rather than PostgreSQL's internal hashtext, which
-- a major version may change under the stored keys.
create function relais_name_hash(key text) returns integer
    language sql immutable strict parallel safe
as $$
    select ('x' || substr(md5(key), 1, 8))::bit(32)::integer
$$;

-- In PL/pgSQL, whose statements are planned once per session: a SQL function that is not inlined is planned again at
-- each call, that is for each record written.
-- About 30 keys to a name: the planner then looks each up in duplicate_name_key rather than reading the whole table.
create function relais_name_word_keys(name text) returns table (word integer, name_key integer)
    language plpgsql immutable strict parallel safe rows 30
as $$
declare
    words constant text[] := string_to_array(name, ' ');
    w text;
    i integer;
begin
    word := 0;
    foreach w in array words loop
        word := word + 1;
        continue when length(w) < 2;
        name_key := relais_name_hash(w);
        return next;
        if length(w) >= 4 then
            for i in 1 .. length(w) loop
                name_key := relais_name_hash(left(w, i - 1) || substr(w, i + 1));
                return next;
            end loop;
        end if;
    end loop;
    if cardinality(words) > 1 then
        word := 0;
        name_key := relais_name_hash(replace(name, ' ', ''));
        return next;
    end if;
end
$$;

-- A name's keys, each once; the word each comes from (0 for the whole name) is relais_name_word_keys'.
create function relais_name_keys(name text) returns integer[]
    language plpgsql immutable strict parallel safe
as $$
begin
    return array(select distinct k.name_key from relais_name_word_keys(name) k order by 1);
end
$$;

drop index duplicate_record_account_company;
drop index duplicate_record_lead_company;
drop index duplicate_record_lead_person;
drop index duplicate_record_contact_person;
-- The keys of the name a record is searched by, written with the record by the duplicates projection: the name that
-- can be a reason (io.relais.duplicate.DuplicateScoring), the company of an account, the person of a lead or contact.
-- The records already there get theirs the same way here.
alter table duplicate_record add column name_keys integer[];
update duplicate_record set name_keys = relais_name_keys(case when kind = 'ACCOUNT' then company else person end);
-- One index per kind searched, as before; without GIN's pending list (V8).
create index duplicate_record_account_name on duplicate_record using gin (name_keys)
    with (fastupdate = off) where kind = 'ACCOUNT';
create index duplicate_record_lead_name on duplicate_record using gin (name_keys)
    with (fastupdate = off) where kind = 'LEAD';
create index duplicate_record_contact_name on duplicate_record using gin (name_keys)
    with (fastupdate = off) where kind = 'CONTACT';

-- How many records of a kind hold each key in their name: a search reads the postings of the probe's rarest keys.
create table duplicate_name_key (
    kind     varchar(10) not null,
    name_key integer     not null,
    records  integer     not null,
    primary key (kind, name_key)
);
-- A key no name holds any more is deleted once the batch that took it away is written.
create index duplicate_name_key_unused on duplicate_name_key (kind) where records = 0;
insert into duplicate_name_key (kind, name_key, records)
select kind, name_key, count(*) from duplicate_record cross join unnest(name_keys) name_key group by kind, name_key;
