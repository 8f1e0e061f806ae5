package io.relais.organisation;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who may change what, decided inside the aggregates so that the check and the change see the same owner.
 * A record the actor may not see is refused as not found, so that its existence does not leak; one they
 * may see but not change is refused as forbidden. The system (process managers) may do anything.
 */
@Component
public class Authorization {

    private final OrganisationDirectory directory;

    public Authorization(OrganisationDirectory directory) {
        this.directory = directory;
    }

    /** The actor may change a record owned by {@code ownerId} (null: unassigned). */
    public void requireChange(String actorId, String ownerId, String recordId) {
        if (OrganisationIds.isSystem(actorId)) {
            return;
        }
        Profile profile = requireVisible(actorId, ownerId, recordId);
        if (!profile.changesRecords()) {
            throw new NotPermittedException("The " + profile + " profile may read records but not change them");
        }
    }

    /**
     * The actor may curate a record owned by {@code ownerId}: merge it with a duplicate or dismiss a
     * proposed duplicate. Whoever may change it may, and so may data stewards, whose job is data quality.
     */
    public void requireCurate(String actorId, String ownerId, String recordId) {
        if (OrganisationIds.isSystem(actorId)) {
            return;
        }
        Profile profile = requireVisible(actorId, ownerId, recordId);
        if (profile != Profile.DATA_STEWARD && !profile.changesRecords()) {
            throw new NotPermittedException("The " + profile + " profile may read records but not merge them");
        }
    }

    /**
     * The actor may see a record owned by {@code ownerId}; refused as not found otherwise. Answers the
     * actor's profile (null for the system).
     */
    public Profile requireVisible(String actorId, String ownerId, String recordId) {
        if (OrganisationIds.isSystem(actorId)) {
            return null;
        }
        UserStanding standing = directory.standing(actorId, ownerId)
                .orElseThrow(() -> new RecordNotFoundException(recordId));
        Profile profile = standing.actorProfile();
        if (!profile.seesEverything() && (ownerId == null || !standing.ownerInReach())) {
            throw new RecordNotFoundException(recordId);
        }
        return profile;
    }

    /** The actor may create records; answers their profile (null for the system). */
    public Profile requireCreate(String actorId) {
        if (OrganisationIds.isSystem(actorId)) {
            return null;
        }
        Profile profile = directory.standing(actorId, null).map(UserStanding::actorProfile)
                .orElseThrow(() -> new NotPermittedException("Only active users may create records"));
        if (!profile.changesRecords()) {
            throw new NotPermittedException("The " + profile + " profile may read records but not create them");
        }
        return profile;
    }

    /**
     * The owner of a record the actor creates, asked for in {@code ownerId} (null or blank: none asked for).
     * One asked for must be able to receive it from the actor. Without one, a sales user's new record is
     * theirs, or they could not see it; an administrator's or the system's stays unassigned (a lead's then
     * goes to the territory rules).
     */
    public String requireNewRecordOwner(String actorId, String ownerId) {
        String owner = Fields.optionalUserId("ownerId", ownerId);
        if (owner != null) {
            requireNewOwner(actorId, owner);
            return owner;
        }
        Profile profile = requireCreate(actorId);
        return profile == null || profile.seesEverything() ? null : actorId;
    }

    /**
     * The actor may create or change records, and {@code ownerId} may receive records from them: an active
     * user with a sales or administrator profile, and, unless the actor is an administrator, the actor or
     * someone below them.
     */
    public void requireNewOwner(String actorId, String ownerId) {
        requireNewOwner(actorId, ownerId, "ownerId");
    }

    /**
     * The new owner that a reassignment to {@code requestedOwnerId} gives a record now owned by
     * {@code currentOwnerId}, checked as {@link #requireNewOwner(String, String)} checks it; empty when it names the
     * current owner, since that changes nothing.
     */
    public Optional<String> reassignment(String actorId, String requestedOwnerId, String currentOwnerId) {
        String owner = Fields.userId("ownerId", requestedOwnerId);
        if (owner.equals(currentOwnerId)) {
            return Optional.empty();
        }
        requireNewOwner(actorId, owner);
        return Optional.of(owner);
    }

    /** The same, for an owner given in {@code field} (an activity's assignee). */
    public void requireNewOwner(String actorId, String ownerId, String field) {
        if (OrganisationIds.isSystem(actorId)) {
            requireOwnerProfile(field, ownerId, directory.standing(ownerId, ownerId).map(UserStanding::actorProfile)
                    .orElse(null));
            return;
        }
        UserStanding standing = directory.standing(actorId, ownerId)
                .orElseThrow(() -> new NotPermittedException("Only active users may assign records"));
        if (!standing.actorProfile().changesRecords()) {
            throw new NotPermittedException("The " + standing.actorProfile() + " profile may not assign records");
        }
        requireOwnerProfile(field, ownerId, standing.ownerProfile());
        if (standing.actorProfile() != Profile.ADMINISTRATOR && !standing.ownerInReach()) {
            throw new NotPermittedException("Records can be given only to yourself or to someone below you "
                    + "in the reporting line; " + ownerId + " is not");
        }
    }

    /** Any active user, whatever their profile, does {@code task}, as the refusal says: "export lists" … */
    public void requireActiveUser(String actorId, String task) {
        if (directory.standing(actorId, null).isEmpty()) {
            throw new NotPermittedException("Only active users " + task);
        }
    }

    /** Only administrators (and the system) manage users, the hierarchy and territories. */
    public void requireAdministrator(String actorId) {
        requireAdministrator(actorId, "manage the organisation");
    }

    /** Only administrators (and the system) do {@code task}, as the refusal says: "keep the catalogue" … */
    public void requireAdministrator(String actorId, String task) {
        if (OrganisationIds.isSystem(actorId)) {
            return;
        }
        Profile profile = directory.standing(actorId, null).map(UserStanding::actorProfile).orElse(null);
        if (profile != Profile.ADMINISTRATOR) {
            throw new NotPermittedException("Only administrators " + task);
        }
    }

    /**
     * Targets are set by administrators, and for a sales user by the managers above them (never by the user
     * themselves).
     */
    public void requireTargetSetter(String actorId, String userId) {
        if (OrganisationIds.isSystem(actorId)) {
            return;
        }
        UserStanding standing = directory.standing(actorId, userId)
                .orElseThrow(() -> new NotPermittedException("Only active users may set targets"));
        boolean administrator = standing.actorProfile() == Profile.ADMINISTRATOR;
        // rights first, so that whether a user outside the actor's reach exists does not leak
        if (!administrator && (standing.actorProfile() != Profile.SALES_MANAGER || !standing.ownerInReach()
                || actorId.equals(userId))) {
            throw new NotPermittedException("Targets are set by administrators and by the managers above the user");
        }
        if (standing.ownerProfile() == null || !standing.ownerProfile().ownsRecords()) {
            throw new InvalidFieldException("userId", "unknown-user", "No active sales user has the id " + userId);
        }
    }

    /**
     * ERP-mastered fields of an account linked to the ERP change only through a data steward or an ERP
     * sync (the system).
     */
    public void requireDataSteward(String actorId) {
        requireDataSteward(actorId, "The ERP masters this field: only data stewards and ERP syncs change it");
    }

    /** Only data stewards (and the system) do this, as {@code refusal} says. */
    public void requireDataSteward(String actorId, String refusal) {
        if (!dataSteward(actorId)) {
            throw new NotPermittedException(refusal);
        }
    }

    /** Whether the actor is an active data steward, or the system. */
    public boolean dataSteward(String actorId) {
        return OrganisationIds.isSystem(actorId) || directory.standing(actorId, null).map(UserStanding::actorProfile)
                .orElse(null) == Profile.DATA_STEWARD;
    }

    /** Personal data is erased by data stewards and administrators (and the system, for retention). */
    public void requireDataProtection(String actorId) {
        if (OrganisationIds.isSystem(actorId)) {
            return;
        }
        Profile profile = directory.standing(actorId, null).map(UserStanding::actorProfile).orElse(null);
        if (profile != Profile.DATA_STEWARD && profile != Profile.ADMINISTRATOR) {
            throw new NotPermittedException("Only data stewards and administrators erase personal data");
        }
    }

    /**
     * Files are imported by administrators, data stewards (whose job is data quality) and sales managers, whose
     * imports go to themselves or to someone below them. Answers who the imported records go to: {@code ownerId}
     * once checked, else the manager, else nobody (the territory rules).
     */
    public String requireImporter(String actorId, String ownerId) {
        Profile profile = directory.standing(actorId, null).map(UserStanding::actorProfile).orElse(null);
        if (profile != Profile.ADMINISTRATOR && profile != Profile.DATA_STEWARD && profile != Profile.SALES_MANAGER) {
            throw new NotPermittedException("Only administrators, data stewards and sales managers import files");
        }
        String owner = Fields.optionalUserId("ownerId", ownerId);
        if (profile == Profile.SALES_MANAGER) {
            if (owner == null) {
                return actorId;
            }
            requireNewOwner(actorId, owner);
        } else if (owner != null) {
            requireNewOwner(OrganisationIds.IMPORT, owner);
        }
        return owner;
    }

    /**
     * An import's progress and refused rows are read by who imported it and by the profiles that see everything
     * (administrators, data stewards, auditors, analysts).
     */
    public void requireImportReader(String actorId, String importerId, String importId) {
        if (!actorId.equals(importerId) && !readsEveryImport(actorId)) {
            throw new RecordNotFoundException(importId);
        }
    }

    /** The profiles that see everything read every import; others, their own. */
    public boolean readsEveryImport(String actorId) {
        return directory.standing(actorId, null).map(UserStanding::actorProfile).filter(Profile::seesEverything)
                .isPresent();
    }

    /** Only the system sends this command. */
    public void requireSystem(String actorId) {
        if (!OrganisationIds.isSystem(actorId)) {
            throw new NotPermittedException("Only the system may do this");
        }
    }

    private static void requireOwnerProfile(String field, String ownerId, Profile ownerProfile) {
        if (ownerProfile == null) {
            throw new InvalidFieldException(field, "unknown-owner", "No active user has the id " + ownerId);
        }
        if (!ownerProfile.ownsRecords()) {
            throw new InvalidFieldException(field, "owner-cannot-own-records",
                    ownerId + " has the " + ownerProfile + " profile, which cannot own records");
        }
    }
}
