package io.relais.common;

/** Which page a caller wants: zero-based page number and page size. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw new InvalidFieldException("page", "invalid-page", "page must be zero or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "invalid-page-size", "size must be between 1 and " + MAX_SIZE);
        }
    }

    /** What a list's query carries when it is streamed whole (an export), which reads no page. */
    public static PageRequest wholeList() {
        return new PageRequest(0, MAX_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }
}
