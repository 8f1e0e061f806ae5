-- Product codes are unique in the catalogue whatever their case: a command-side lookup, not a read model. The
-- product aggregate claims a code in the transaction that appends the event giving it, and lets it go in the one
-- that gives the product another code; discontinued products keep theirs.
create table product_code (
    code_key   varchar(100) primary key, -- the code in lower case (codes are ASCII)
    product_id varchar(100) not null
);

-- The codes of the products already stored, from their events. Where several products came to have one code
-- (before this rule), the one that has had it the longest keeps it (the earliest event since which it has had
-- it). The others keep their code in their details and history but hold no claim: they can be priced, sold and
-- discontinued as before, and their next change must give them a free code (409 product-code-exists otherwise).
with product_event as (
    select aggregateidentifier as product_id, globalindex,
           lower(cast(payload as jsonb) -> 'details' ->> 'code') as code_key
    from domainevententry
    where payloadtype in ('io.relais.catalogue.ProductCreated', 'io.relais.catalogue.ProductUpdated')
), current_code as (
    select distinct on (product_id) product_id, code_key
    from product_event
    order by product_id, globalindex desc
), held_since as (
    select current_code.product_id, current_code.code_key,
           (select min(e.globalindex) from product_event e
            where e.product_id = current_code.product_id
              and e.globalindex > coalesce((select max(other.globalindex) from product_event other
                                            where other.product_id = current_code.product_id
                                              and other.code_key is distinct from current_code.code_key), 0))
               as since
    from current_code
)
insert into product_code (code_key, product_id)
select distinct on (code_key) code_key, product_id
from held_since
where code_key is not null
order by code_key, since;
