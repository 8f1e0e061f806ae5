package io.relais.register;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface SireneEstablishments extends JpaRepository<SireneEstablishment, String> {

    Optional<SireneEstablishment> findFirstBySirenAndHeadOfficeTrue(String siren);

    /** Names alike by trigrams (pg_trgm's similarity threshold), case and accents aside, in one postal code. */
    @Query(nativeQuery = true, value = """
            select * from sirene_establishment
            where postal_code = :postalCode and name_key % lower(unaccent(:name))
            order by similarity(name_key, lower(unaccent(:name))) desc, active desc, head_office desc, siret
            limit :limit""")
    List<SireneEstablishment> findByNameLike(@Param("name") String name,
                                             @Param("postalCode") String postalCode, @Param("limit") int limit);
}
