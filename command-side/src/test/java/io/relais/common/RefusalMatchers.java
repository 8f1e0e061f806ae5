package io.relais.common;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers of the refusals aggregates throw, for the fixture tests of every aggregate. */
public final class RefusalMatchers {

    private RefusalMatchers() {
    }

    /** Matches an {@link InvalidFieldException} for {@code field} with the stable {@code code}. */
    public static Matcher<InvalidFieldException> invalidField(String field, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidFieldException e) {
                return field.equals(e.field()) && code.equals(e.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidFieldException with field ").appendValue(field)
                        .appendText(" and code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(InvalidFieldException e, Description description) {
                description.appendText("had field ").appendValue(e.field()).appendText(" and code ")
                        .appendValue(e.code());
            }
        };
    }

    /** Matches a {@link ConflictException} for {@code field} with the stable {@code code}. */
    public static Matcher<ConflictException> conflict(String field, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ConflictException e) {
                return code.equals(e.code()) && field.equals(e.refusal().field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("ConflictException with field ").appendValue(field)
                        .appendText(" and code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(ConflictException e, Description description) {
                description.appendText("had field ").appendValue(e.refusal().field()).appendText(" and code ")
                        .appendValue(e.code());
            }
        };
    }

    /** Matches a {@link NotPermittedException}. */
    public static Matcher<Throwable> forbidden() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return e instanceof NotPermittedException refused && "forbidden".equals(refused.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("NotPermittedException");
            }

            @Override
            protected void describeMismatchSafely(Throwable e, Description description) {
                description.appendText("was ").appendValue(e);
            }
        };
    }

    /** Matches a {@link RecordNotFoundException} for {@code id}. */
    public static Matcher<Throwable> notFound(String id) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return e instanceof RecordNotFoundException refused && "not-found".equals(refused.code())
                        && ("No record exists with id " + id).equals(refused.getMessage());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RecordNotFoundException for ").appendValue(id);
            }

            @Override
            protected void describeMismatchSafely(Throwable e, Description description) {
                description.appendText("was ").appendValue(e);
            }
        };
    }

    /** Matches a {@link StaleVersionException}: {@code expected} was asked of a record at {@code current}. */
    public static Matcher<Throwable> staleVersion(long expected, long current) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return e instanceof StaleVersionException refused && "stale-version".equals(refused.code())
                        && refused.expectedVersion() == expected
                        && Long.valueOf(current).equals(refused.currentVersion());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("StaleVersionException expecting ").appendValue(expected)
                        .appendText(" of version ").appendValue(current);
            }

            @Override
            protected void describeMismatchSafely(Throwable e, Description description) {
                description.appendText("was ").appendValue(e);
            }
        };
    }

    /** Matches an {@link InvalidTransitionException} refused because the record is in {@code state}. */
    public static Matcher<InvalidTransitionException> invalidTransition(String state) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidTransitionException e) {
                return "invalid-transition".equals(e.code()) && state.equals(e.currentState());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidTransitionException from status ").appendValue(state);
            }

            @Override
            protected void describeMismatchSafely(InvalidTransitionException e, Description description) {
                description.appendText("had code ").appendValue(e.code()).appendText(" and status ")
                        .appendValue(e.currentState());
            }
        };
    }
}
