-- Similar names are found through the keys they share (io.relais.duplicate.DuplicateRepository, ADR 005) instead
-- of the trigram operator's index, which walks the postings of every trigram of the probe, the common ones ("ie ",
-- "rie": a fortieth of all names) included, so that each search grew with the number of records.
--
-- A name's keys: each word of two letters or more, each word of four letters or more with one letter left out
-- (two names one typing slip apart, a letter added, dropped, changed or two neighbours swapped, share one of
-- these), and the whole name without its spaces ("le fevre", "lefevre"); as 32-bit hashes (a collision only adds
-- a candidate that the similarity then turns away).
create function relais_name_word_keys(name text) returns table (word integer, name_key integer)
    language sql immutable strict parallel safe
as $$
    select w.n::integer, hashtext(v.v)
    from regexp_split_to_table(name, ' ') with ordinality w (w, n)
    cross join lateral (select w.w union all select left(w.w, i - 1) || substr(w.w, i + 1)
                        from generate_series(1, length(w.w)) i where length(w.w) >= 4) v (v)
    where length(w.w) >= 2
    union all
    select 0, hashtext(replace(name, ' ', '')) where position(' ' in name) > 0
$$;

-- A name's keys, each once; the word each comes from (0 for the whole name) is relais_name_word_keys'.
create function relais_name_keys(name text) returns integer[]
    language sql immutable strict parallel safe
as $$
    select array(select distinct name_key from relais_name_word_keys(name) order by 1)
$$;

drop index duplicate_record_account_company;
drop index duplicate_record_lead_company;
drop index duplicate_record_lead_person;
drop index duplicate_record_contact_person;
alter table duplicate_record
    add column company_keys integer[] generated always as (relais_name_keys(company)) stored,
    add column person_keys integer[] generated always as (relais_name_keys(person)) stored;
-- One index per kind and name searched, as before; without GIN's pending list (V8).
create index duplicate_record_account_company on duplicate_record using gin (company_keys)
    with (fastupdate = off) where kind = 'ACCOUNT';
create index duplicate_record_lead_company on duplicate_record using gin (company_keys)
    with (fastupdate = off) where kind = 'LEAD';
create index duplicate_record_lead_person on duplicate_record using gin (person_keys)
    with (fastupdate = off) where kind = 'LEAD';
create index duplicate_record_contact_person on duplicate_record using gin (person_keys)
    with (fastupdate = off) where kind = 'CONTACT';

-- How many records of a kind hold each key in a name: a search reads the postings of the probe's rarest keys.
create table duplicate_name_key (
    kind     varchar(10) not null,
    field    varchar(10) not null,
    name_key integer     not null,
    records  integer     not null,
    primary key (kind, field, name_key)
);
-- A key no name holds any more is deleted once the batch that took it away is written.
create index duplicate_name_key_unused on duplicate_name_key (kind) where records = 0;
insert into duplicate_name_key (kind, field, name_key, records)
select kind, 'COMPANY', name_key, count(*) from duplicate_record cross join unnest(company_keys) name_key
group by kind, name_key;
insert into duplicate_name_key (kind, field, name_key, records)
select kind, 'PERSON', name_key, count(*) from duplicate_record cross join unnest(person_keys) name_key
group by kind, name_key;
