package io.relais.webform;

import io.relais.common.Page;

import java.util.List;

/** A page of web forms. */
public record WebFormPage(List<WebFormView> content, int page, int size, long totalElements)
        implements Page<WebFormView> {
}
