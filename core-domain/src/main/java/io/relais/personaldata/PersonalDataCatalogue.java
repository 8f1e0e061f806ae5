package io.relais.personaldata;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What every field of every event is, as far as personal data goes: the one place where this is decided
 * (ADR 013). A field is plain, personal (of the data subject of its scope), a nested record classified on its
 * own, a list of field changes whose values are personal when the changed field is, or the data of one of the
 * engine's own users (kept with the accountability record). A record that names a data subject opens a
 * scope: the personal fields below it are that subject's, encrypted under the subject's key.
 *
 * <p>Paths are lists of JSON property names as the events are stored; {@code "*"} stands for each element of
 * an array.
 */
public final class PersonalDataCatalogue {

    /** Each element of an array, in a path. */
    public static final String EACH = "*";

    /** How one field is classified. */
    public enum Use {
        /** Not personal data. */
        PLAIN,
        /** Personal data of the subject of its scope: stored encrypted, erased with the subject's key. */
        PERSONAL,
        /** A record (or a list of records) whose own fields are classified by its type. */
        NESTED,
        /** A list of {@code FieldChange}s: a change's values are personal when the changed field is. */
        CHANGES,
        /**
         * Data about one of the engine's own users (a name, an e-mail): personal data kept in clear with the
         * accountability record of who did what, not erasable through data-subject requests.
         */
        USER
    }

    /** Where the id of a scope's data subject is found. */
    public sealed interface SubjectReference permits SubjectAt, SubjectOfRecord {
    }

    /** The subject's id is the value at {@code path} below the scope. */
    public record SubjectAt(DataSubjectKind kind, List<String> path) implements SubjectReference {
    }

    /**
     * The subject is the one a record (say an activity) was registered as being about when it was created
     * (see {@link Scope#registers()}); a record about nobody has no personal data.
     */
    public record SubjectOfRecord(String recordKind, List<String> path) implements SubjectReference {
    }

    /** A record registered, when its event is stored, as being about the scope's subject. */
    public record RecordRegistration(String recordKind, List<String> path) {
    }

    /** The field changes at {@code path}, whose values are personal for the fields named in {@code personalFields}. */
    public record ChangeList(List<String> path, Set<String> personalFields) {
    }

    /**
     * The personal data of one data subject in an event: found below {@code location}, the subject named by
     * {@code subject} (relative to the location), the personal values at {@code personalFields} and in
     * {@code changeLists} (relative too).
     */
    public record Scope(List<String> location, SubjectReference subject, Optional<RecordRegistration> registers,
                        List<List<String>> personalFields, List<ChangeList> changeLists) {
    }

    private record Field(Use use, Class<?> changesOf) {
    }

    private record Classification(Map<String, Field> fields, SubjectReference subject, RecordRegistration registers) {
    }

    private final Map<Class<?>, Classification> types;
    private final Set<Class<?>> events;
    private final Map<Class<?>, List<Scope>> scopes = new LinkedHashMap<>();

    private PersonalDataCatalogue(Map<Class<?>, Classification> types, Set<Class<?>> events) {
        this.types = types;
        this.events = events;
        for (Class<?> event : events) {
            List<Scope> found = new ArrayList<>();
            collect(event, List.of(), null, found);
            scopes.put(event, found.stream().filter(PersonalDataCatalogue::holdsData).toList());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The events classified here. */
    public Set<Class<?>> events() {
        return events;
    }

    /** The scopes of personal data in an event; empty for an event with none, or one not classified here. */
    public List<Scope> scopes(Class<?> event) {
        return scopes.getOrDefault(event, List.of());
    }

    /** The fields of a classified record that hold personal data, directly or in records nested in them. */
    public Set<String> personalFields(Class<?> type) {
        return personalFieldsOf(type);
    }

    /** What is missing for {@code event} to be wholly classified; empty when it is. */
    public List<String> unclassified(Class<?> event) {
        if (!events.contains(event)) {
            return List.of(event.getName() + " is not classified as an event");
        }
        List<String> problems = new ArrayList<>();
        unclassified(event, problems, new LinkedHashSet<>());
        return problems;
    }

    private void unclassified(Class<?> type, List<String> problems, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        Classification classification = types.get(type);
        if (classification == null) {
            problems.add(type.getName() + " is not classified");
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = classification.fields().get(component.getName());
            Class<?> valueType = valueType(component);
            if (field == null) {
                problems.add(type.getSimpleName() + "." + component.getName() + " is not classified");
            } else if (field.use() == Use.NESTED) {
                unclassified(valueType, problems, seen);
            } else if ((field.use() == Use.PLAIN || field.use() == Use.USER) && valueType.isRecord()) {
                problems.add(type.getSimpleName() + "." + component.getName()
                        + " is a record: classify it as nested (its fields one by one) or as personal");
            }
        }
    }

    private void collect(Class<?> type, List<String> location, MutableScope enclosing, List<Scope> found) {
        Classification classification = types.get(type);
        if (classification == null) {
            throw new IllegalStateException(type.getName() + " is used as a nested record but is not classified");
        }
        MutableScope scope = enclosing;
        if (classification.subject() != null) {
            scope = new MutableScope(location, classification.subject(), classification.registers());
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = classification.fields().get(component.getName());
            if (field == null) {
                continue;
            }
            List<String> path = append(location, component.getName());
            switch (field.use()) {
                case PERSONAL -> scopeFor(scope, type, component).personalFields.add(relative(scope, path));
                case CHANGES -> {
                    Set<String> personal = personalFieldsOf(field.changesOf());
                    if (!personal.isEmpty()) {
                        scopeFor(scope, type, component).changeLists.add(new ChangeList(relative(scope, path), personal));
                    }
                }
                case NESTED -> collect(valueType(component), isList(component) ? append(path, EACH) : path, scope, found);
                case PLAIN, USER -> {
                }
            }
        }
        if (scope != enclosing) {
            found.add(scope.toScope());
        }
    }

    private Set<String> personalFieldsOf(Class<?> type) {
        Classification classification = types.get(type);
        if (classification == null) {
            throw new IllegalStateException(type.getName() + " is used for field changes but is not classified");
        }
        Set<String> personal = new LinkedHashSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = classification.fields().get(component.getName());
            if (field != null && (field.use() == Use.PERSONAL
                    || field.use() == Use.NESTED && holdsPersonalData(valueType(component), new LinkedHashSet<>()))) {
                personal.add(component.getName());
            }
        }
        return personal;
    }

    private boolean holdsPersonalData(Class<?> type, Set<Class<?>> seen) {
        Classification classification = types.get(type);
        if (classification == null || !seen.add(type)) {
            return false;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = classification.fields().get(component.getName());
            if (field != null && (field.use() == Use.PERSONAL
                    || field.use() == Use.NESTED && holdsPersonalData(valueType(component), seen))) {
                return true;
            }
        }
        return false;
    }

    private static MutableScope scopeFor(MutableScope scope, Class<?> type, RecordComponent component) {
        if (scope == null) {
            throw new IllegalStateException(type.getSimpleName() + "." + component.getName()
                    + " holds personal data but no record above it names its data subject");
        }
        return scope;
    }

    private static boolean holdsData(Scope scope) {
        return !scope.personalFields().isEmpty() || !scope.changeLists().isEmpty() || scope.registers().isPresent();
    }

    private static List<String> relative(MutableScope scope, List<String> path) {
        return List.copyOf(path.subList(scope.location.size(), path.size()));
    }

    private static List<String> append(List<String> path, String name) {
        return Stream.concat(path.stream(), Stream.of(name)).toList();
    }

    private static boolean isList(RecordComponent component) {
        return Collection.class.isAssignableFrom(component.getType());
    }

    private static Class<?> valueType(RecordComponent component) {
        if (isList(component) && component.getGenericType() instanceof ParameterizedType parameterized) {
            Type element = parameterized.getActualTypeArguments()[0];
            if (element instanceof Class<?> elementClass) {
                return elementClass;
            }
        }
        return component.getType();
    }

    private static final class MutableScope {
        private final List<String> location;
        private final SubjectReference subject;
        private final RecordRegistration registers;
        private final List<List<String>> personalFields = new ArrayList<>();
        private final List<ChangeList> changeLists = new ArrayList<>();

        private MutableScope(List<String> location, SubjectReference subject, RecordRegistration registers) {
            this.location = location;
            this.subject = subject;
            this.registers = registers;
        }

        private Scope toScope() {
            return new Scope(location, subject, Optional.ofNullable(registers), List.copyOf(personalFields),
                    List.copyOf(changeLists));
        }
    }

    /** Classifies records field by field; every name must be one of the record's components. */
    public static final class Builder {
        private final Map<Class<?>, Classification> types = new LinkedHashMap<>();
        private final Set<Class<?>> events = new LinkedHashSet<>();

        private Builder() {
        }

        /** An event: a record stored in the event store. */
        public Builder event(Class<? extends Record> event, Consumer<Fields> fields) {
            events.add(event);
            return type(event, fields);
        }

        /** A record nested in events. */
        public Builder type(Class<? extends Record> type, Consumer<Fields> fields) {
            Fields classification = new Fields(type);
            fields.accept(classification);
            if (types.put(type, classification.build()) != null) {
                throw new IllegalStateException(type.getName() + " is classified twice");
            }
            return this;
        }

        public PersonalDataCatalogue build() {
            return new PersonalDataCatalogue(Map.copyOf(types), Set.copyOf(events));
        }
    }

    /** The fields of one record. */
    public static final class Fields {
        private final Class<?> type;
        private final Set<String> components;
        private final Map<String, Field> fields = new LinkedHashMap<>();
        private SubjectReference subject;
        private RecordRegistration registers;

        private Fields(Class<?> type) {
            this.type = type;
            this.components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toSet());
        }

        /** The record's personal data is {@code kind}'s, whose id is at {@code path}; a top-level id field is plain. */
        public Fields subject(DataSubjectKind kind, String... path) {
            subject = new SubjectAt(kind, List.of(path));
            return path.length == 1 ? plain(path[0]) : this;
        }

        /** The record's personal data is that of the subject {@code recordKind}'s record at {@code path} is about. */
        public Fields subjectOfRecord(String recordKind, String path) {
            subject = new SubjectOfRecord(recordKind, List.of(path));
            return plain(path);
        }

        /** Storing this record registers the record at {@code path} as being about this record's subject. */
        public Fields registers(String recordKind, String path) {
            registers = new RecordRegistration(recordKind, List.of(path));
            return this;
        }

        public Fields plain(String... names) {
            return use(Use.PLAIN, null, names);
        }

        public Fields personal(String... names) {
            return use(Use.PERSONAL, null, names);
        }

        public Fields nested(String... names) {
            return use(Use.NESTED, null, names);
        }

        public Fields user(String... names) {
            return use(Use.USER, null, names);
        }

        /** Field changes of a record of type {@code detailsType}, named by its fields. */
        public Fields changes(String name, Class<? extends Record> detailsType) {
            return use(Use.CHANGES, detailsType, name);
        }

        private Fields use(Use use, Class<?> changesOf, String... names) {
            for (String name : names) {
                if (!components.contains(name)) {
                    throw new IllegalStateException(type.getName() + " has no field " + name);
                }
                if (fields.put(name, new Field(use, changesOf)) != null) {
                    throw new IllegalStateException(type.getSimpleName() + "." + name + " is classified twice");
                }
            }
            return this;
        }

        private Classification build() {
            return new Classification(Map.copyOf(fields), subject, registers);
        }
    }
}
