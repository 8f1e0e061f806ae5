-- INSEE's SIRENE register as its open-data stock files hold it (docs/company-register.md): operational state
-- loaded by the command-line tool "register load", read through Spring Data JPA; not history.
-- Legal names of legal persons, from StockUniteLegale; individual entrepreneurs' names are not loaded.
create table sirene_company (
    siren      varchar(9)   primary key,
    legal_name varchar(300) not null
);

-- Establishments, from StockEtablissement; name is the company's legal name when known, else the establishment's
-- usual name or sign; name_key the same folded (lower case, no accents) for the search by name.
create table sirene_establishment (
    siret          varchar(14)  primary key,
    siren          varchar(9)   not null,
    name           varchar(300),
    name_key       text,
    street         varchar(300),
    postal_code    varchar(10),
    city           varchar(100),
    naf_code       varchar(10),
    headcount_band varchar(2),
    head_office    boolean      not null,
    active         boolean      not null
);
create index sirene_establishment_head_office on sirene_establishment (siren) where head_office;
create index sirene_establishment_name on sirene_establishment using gin (name_key gin_trgm_ops);
