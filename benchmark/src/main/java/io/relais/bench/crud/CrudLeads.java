package io.relais.bench.crud;

import org.springframework.data.jpa.repository.JpaRepository;

/** The CRUD service's repository: Spring Data JPA as a plain service would use it. */
interface CrudLeads extends JpaRepository<CrudLead, String> {
}
