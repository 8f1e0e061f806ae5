create extension if not exists unaccent;

-- A company or person name as duplicates are compared: lower case, accents, punctuation and legal forms
-- dropped, so that "S.A.S. Boulangerie Dupont & Fils" and "Boulangerie DUPONT et fils" compare equal.
create function relais_match_name(value text) returns text
    language sql immutable strict parallel safe
as $$
    select nullif(btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
        lower(public.unaccent('public.unaccent'::regdictionary, value)),
        '\.', '', 'g'),
        '[^a-z0-9]+', ' ', 'g'),
        '\m(sa|sas|sasu|sarl|eurl|sci|snc|sca|scop|selarl|gie|ets|etablissements|ste|societe|cie|et|and|groupe|group|inc|ltd|llc|gmbh)\M',
        ' ', 'g'),
        ' {2,}', ' ', 'g')), '')
$$;

-- The records duplicates are looked for among: open leads, live accounts, contacts. Names are kept in their
-- compared form; a merged, converted or moved record leaves or changes here.
create table duplicate_record (
    kind       varchar(10)  not null,
    id         varchar(100) not null,
    account_id varchar(100),
    company    text,
    person     text,
    label      varchar(300) not null,
    primary key (kind, id)
);
-- One trigram index per kind searched, so that a search among leads does not wade through accounts.
-- Without GIN's pending list (fastupdate): every new record is searched for at once, and a search would scan
-- the whole unmerged list, which also makes the planner turn away from the index.
create index duplicate_record_account_company on duplicate_record using gin (company gin_trgm_ops)
    with (fastupdate = off) where kind = 'ACCOUNT';
create index duplicate_record_lead_company on duplicate_record using gin (company gin_trgm_ops)
    with (fastupdate = off) where kind = 'LEAD';
create index duplicate_record_lead_person on duplicate_record using gin (person gin_trgm_ops)
    with (fastupdate = off) where kind = 'LEAD';
create index duplicate_record_contact_person on duplicate_record using gin (person gin_trgm_ops)
    with (fastupdate = off) where kind = 'CONTACT';

-- Their normalised identifiers (SIRET, SIREN, e-mail, phone, website domain).
create table duplicate_key (
    kind      varchar(10)  not null,
    id        varchar(100) not null,
    key_type  varchar(10)  not null,
    key_value varchar(300) not null,
    primary key (kind, id, key_type, key_value)
);
create index duplicate_key_value on duplicate_key (key_type, key_value);

-- Likely duplicate accounts and leads, first_id < second_id, re-evaluated whenever either record changes.
create table duplicate_pair (
    kind      varchar(10)  not null,
    first_id  varchar(100) not null,
    second_id varchar(100) not null,
    score     numeric(4, 3) not null,
    reasons   jsonb        not null,
    found_at  timestamptz  not null,
    primary key (kind, first_id, second_id)
);
create index duplicate_pair_second on duplicate_pair (kind, second_id);
create index duplicate_pair_score on duplicate_pair (kind, score desc);

-- Pairs someone reviewed and found not to be duplicates; they are no longer proposed.
create table duplicate_dismissal (
    kind         varchar(10)  not null,
    first_id     varchar(100) not null,
    second_id    varchar(100) not null,
    dismissed_by varchar(255),
    dismissed_at timestamptz  not null,
    primary key (kind, first_id, second_id)
);
