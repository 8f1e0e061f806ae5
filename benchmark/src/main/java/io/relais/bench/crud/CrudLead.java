package io.relais.bench.crud;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A lead as a plain CRUD service keeps it: one row, changed in place, with a version for optimistic locking. */
@Entity
@Table(name = "bench_crud_lead")
public class CrudLead {

    @Id
    private String id;
    @Version
    private long version;
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String company;
    private String jobTitle;
    private String website;
    private String postalCode;
    private String city;
    private String country;
    private String nafCode;
    private String companySize;
    @Column(nullable = false)
    private String source;
    private String sourceDetail;
    private String ownerId;
    @Column(nullable = false)
    private String capturedBy;
    @Column(nullable = false)
    private Instant capturedAt;
    @Column(nullable = false)
    private Instant updatedAt;

    protected CrudLead() {
    }

    CrudLead(String id, String firstName, String lastName, String email, String phone, String company,
             String jobTitle, String website, String postalCode, String city, String country, String nafCode,
             String companySize, String source, String sourceDetail, String capturedBy, Instant now) {
        this.id = id;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.phone = phone;
        this.company = company;
        this.jobTitle = jobTitle;
        this.website = website;
        this.postalCode = postalCode;
        this.city = city;
        this.country = country;
        this.nafCode = nafCode;
        this.companySize = companySize;
        this.source = source;
        this.sourceDetail = sourceDetail;
        this.capturedBy = capturedBy;
        this.capturedAt = now;
        this.updatedAt = now;
    }

    long version() {
        return version;
    }

    void moveTo(String newCity, Instant now) {
        this.city = newCity;
        this.updatedAt = now;
    }
}
