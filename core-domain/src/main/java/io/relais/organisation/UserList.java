package io.relais.organisation;

import java.util.List;

/** Every user, as a query answers them: a record, so that the answer keeps its type through any serializer. */
public record UserList(List<UserView> users) {
}
