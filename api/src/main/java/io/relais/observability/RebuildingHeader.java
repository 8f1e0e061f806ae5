package io.relais.observability;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * While a projection is rebuilt its tables fill from empty: every answer of the API then says which ones are
 * being rebuilt and how far they got ({@code Relais-Rebuilding: leads=42.5%}), so that a partial answer is never
 * passed off as complete.
 */
@Component
class RebuildingHeader implements HandlerInterceptor, WebMvcConfigurer {

    static final String HEADER = "Relais-Rebuilding";

    /** How long the projections' replay state is reused between answers (it is read from the token store). */
    private static final long FRESH_NANOS = 500_000_000L;

    private final Processors processors;
    private volatile Snapshot snapshot;

    RebuildingHeader(Processors processors) {
        this.processors = processors;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Map<String, Double> rebuilding = rebuilding();
        if (!rebuilding.isEmpty()) {
            response.setHeader(HEADER, rebuilding.entrySet().stream()
                    .map(projection -> projection.getKey() + "=" + projection.getValue() + "%")
                    .collect(Collectors.joining(", ")));
        }
        return true;
    }

    private Map<String, Double> rebuilding() {
        Snapshot last = snapshot;
        long now = System.nanoTime();
        if (last == null || now - last.takenAt() > FRESH_NANOS) {
            last = new Snapshot(now, processors.rebuilding());
            snapshot = last;
        }
        return last.rebuilding();
    }

    private record Snapshot(long takenAt, Map<String, Double> rebuilding) {
    }
}
