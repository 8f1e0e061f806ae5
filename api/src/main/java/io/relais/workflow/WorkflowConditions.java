package io.relais.workflow;

import io.relais.common.InvalidFieldException;
import io.relais.eventstore.EventTypes;
import org.springframework.context.expression.MapAccessor;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.Assign;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.BooleanLiteral;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.Elvis;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.Indexer;
import org.springframework.expression.spel.ast.InlineList;
import org.springframework.expression.spel.ast.Literal;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.OpAnd;
import org.springframework.expression.spel.ast.OpDec;
import org.springframework.expression.spel.ast.OpDivide;
import org.springframework.expression.spel.ast.OpEQ;
import org.springframework.expression.spel.ast.OpGE;
import org.springframework.expression.spel.ast.OpGT;
import org.springframework.expression.spel.ast.OpInc;
import org.springframework.expression.spel.ast.OpLE;
import org.springframework.expression.spel.ast.OpLT;
import org.springframework.expression.spel.ast.OpMinus;
import org.springframework.expression.spel.ast.OpModulus;
import org.springframework.expression.spel.ast.OpMultiply;
import org.springframework.expression.spel.ast.OpNE;
import org.springframework.expression.spel.ast.OpOr;
import org.springframework.expression.spel.ast.OpPlus;
import org.springframework.expression.spel.ast.OperatorBetween;
import org.springframework.expression.spel.ast.OperatorMatches;
import org.springframework.expression.spel.ast.OperatorNot;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.Ternary;
import org.springframework.expression.spel.ast.TypeReference;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.stereotype.Component;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rule conditions (docs/workflow-rules.md): Spring Expression Language over two variables, {@code event} (the
 * event's fields) and {@code record} (the record right after it), compared, combined and computed, nothing more.
 * When a rule is saved, its condition must parse, be true or false, use only operators and literals, and name
 * fields its event and record have. It is evaluated over maps in a context without types, constructors, beans,
 * methods or writes: even a condition that slipped past the check could only read the two maps.
 */
@Component
public class WorkflowConditions {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final Set<Class<? extends SpelNode>> ALLOWED = Set.of(CompoundExpression.class,
            PropertyOrFieldReference.class, Indexer.class, InlineList.class, OpAnd.class, OpOr.class,
            OperatorNot.class, OpEQ.class, OpNE.class, OpGT.class, OpGE.class, OpLT.class, OpLE.class,
            OperatorMatches.class, OperatorBetween.class, OpPlus.class, OpMinus.class, OpMultiply.class,
            OpDivide.class, OpModulus.class, Ternary.class, Elvis.class);
    private static final Set<Class<? extends SpelNode>> COMPARISONS = Set.of(OpAnd.class, OpOr.class,
            OperatorNot.class, OpEQ.class, OpNE.class, OpGT.class, OpGE.class, OpLT.class, OpLE.class,
            OperatorMatches.class, OperatorBetween.class, BooleanLiteral.class);
    private static final Map<Class<? extends SpelNode>, String> REFUSED = Map.of(TypeReference.class,
            "types (T(…))", MethodReference.class, "method calls", ConstructorReference.class, "constructors (new)",
            BeanReference.class, "bean references (@…)", Assign.class, "assignments (=)", OpInc.class,
            "assignments (++)", OpDec.class, "assignments (--)", VariableReference.class, "variables (#…)",
            FunctionReference.class, "functions (#…())");

    private final EventTypes events;

    WorkflowConditions(EventTypes events) {
        this.events = events;
    }

    /** The event class of a rule's event type; refused naming {@code eventType} when the engine has no such event. */
    Class<?> eventClass(String eventType) {
        return events.eventClass(eventType).orElseThrow(() ->
                new InvalidFieldException("eventType", "unknown-event-type",
                        "eventType is none of the engine's events (got " + eventType + ")"));
    }

    /** The record an event of this type concerns, when its conditions may read one. */
    Optional<RuleRecord> record(String eventType) {
        return RuleRecord.ofEvent(eventClass(eventType));
    }

    /**
     * Checks a condition for rules on {@code eventType}: refused naming {@code condition} when it does not parse
     * ({@code invalid-condition}), is not true or false, uses what the language leaves out, or names a field the
     * event or its record does not have ({@code unknown-field}). An absent condition always holds.
     */
    void check(String condition, String eventType) {
        Class<?> event = eventClass(eventType);
        if (condition == null || condition.isBlank()) {
            return;
        }
        SpelNode ast = parse(condition).getAST();
        Paths paths = new Paths(event, RuleRecord.ofEvent(event).map(kind -> kind.view).orElse(null));
        paths.visit(ast);
        if (!isBoolean(ast, paths)) {
            throw invalid("condition must be true or false: a comparison, a combination of them with and, or, "
                    + "not, or a field that is true or false");
        }
    }

    /**
     * Whether the condition holds for an event and its record (null when the event concerns none), both as
     * maps of their fields; an evaluation that fails (a field of a null value, a comparison of mismatched types,
     * an answer other than true or false) throws {@link EvaluationException}.
     */
    boolean holds(String condition, Map<String, Object> event, Map<String, Object> record) {
        if (condition == null || condition.isBlank()) {
            return true;
        }
        Map<String, Object> root = new HashMap<>();
        root.put("event", event);
        root.put("record", record);
        EvaluationContext context = SimpleEvaluationContext.forPropertyAccessors(new MapAccessor(false))
                .withRootObject(root).build();
        Object value;
        try {
            value = parse(condition).getValue(context);
        } catch (RuntimeException e) {
            // SpEL reports most failures as evaluation exceptions, but lets a few through (a division by zero)
            throw e instanceof EvaluationException evaluation ? evaluation : new EvaluationException(e.toString());
        }
        if (!(value instanceof Boolean holds)) {
            throw new EvaluationException("The condition gave " + value + ", not true or false");
        }
        return holds;
    }

    private static SpelExpression parse(String condition) {
        try {
            return PARSER.parseRaw(condition);
        } catch (ParseException e) {
            throw invalid("condition does not parse: " + e.getMessage());
        }
    }

    private static boolean isBoolean(SpelNode node, Paths paths) {
        if (COMPARISONS.contains(node.getClass())) {
            return true;
        }
        if (node instanceof Ternary) {
            return isBoolean(node.getChild(1), paths) && isBoolean(node.getChild(2), paths);
        }
        Type type = paths.typeOf(node);
        return type == boolean.class || type == Boolean.class;
    }

    private static InvalidFieldException invalid(String message) {
        return new InvalidFieldException("condition", "invalid-condition", message);
    }

    /** Resolves the condition's paths ({@code event.stage}, {@code record.details.city}) against the Java types. */
    private record Paths(Class<?> event, Class<?> record) {

        void visit(SpelNode node) {
            String refused = REFUSED.get(node.getClass());
            if (refused != null) {
                throw invalid("condition may not use " + refused + ": only event and record fields, literals and "
                        + "operators");
            }
            if (!(node instanceof Literal) && !ALLOWED.contains(node.getClass())) {
                throw invalid("condition may not use " + node.toStringAST() + ": only event and record fields, "
                        + "literals and operators");
            }
            if (node instanceof CompoundExpression || node instanceof PropertyOrFieldReference) {
                typeOf(node);
            }
            if (COMPARISONS.contains(node.getClass())) {
                for (int i = 0; i < node.getChildCount(); i++) {
                    if (typeOf(node.getChild(i)) instanceof Class<?> compared && compared.isRecord()) {
                        throw invalid("condition compares " + node.getChild(i).toStringAST() + ", a "
                                + compared.getSimpleName() + ", as a whole: compare one of its fields ("
                                + String.join(", ", Arrays.stream(compared.getRecordComponents())
                                .map(RecordComponent::getName).toList()) + ")");
                    }
                }
            }
            for (int i = 0; i < node.getChildCount(); i++) {
                SpelNode child = node.getChild(i);
                if (node instanceof CompoundExpression && child instanceof PropertyOrFieldReference) {
                    continue;
                }
                visit(child);
            }
        }

        /** The Java type a path reads, refused when it names no field; null for what is not a path. */
        Type typeOf(SpelNode node) {
            List<SpelNode> steps;
            if (node instanceof CompoundExpression) {
                steps = new ArrayList<>();
                for (int i = 0; i < node.getChildCount(); i++) {
                    steps.add(node.getChild(i));
                }
            } else if (node instanceof PropertyOrFieldReference) {
                steps = List.of(node);
            } else {
                return null;
            }
            if (!(steps.get(0) instanceof PropertyOrFieldReference first)) {
                return null;
            }
            String path = first.getName();
            Type type = switch (path) {
                case "event" -> event;
                case "record" -> {
                    if (record == null) {
                        throw unknown(path, event.getSimpleName() + " concerns no lead, account, deal or activity: "
                                + "its conditions read event only");
                    }
                    yield record;
                }
                default -> throw unknown(path, "a condition reads event and record only");
            };
            for (SpelNode step : steps.subList(1, steps.size())) {
                if (step instanceof PropertyOrFieldReference property) {
                    path = path + "." + property.getName();
                    String named = path;
                    type = component(raw(type), property.getName()).orElseThrow(() -> unknown(named));
                } else if (step instanceof Indexer && type instanceof ParameterizedType generic
                        && (List.class.isAssignableFrom(raw(generic)) || Map.class.isAssignableFrom(raw(generic)))) {
                    Type[] arguments = generic.getActualTypeArguments();
                    type = arguments[arguments.length - 1];
                } else {
                    throw unknown(path + step.toStringAST(), "only lists and maps are indexed");
                }
            }
            return type;
        }

        private InvalidFieldException unknown(String path) {
            return unknown(path, "it is none of the fields of " + event.getSimpleName()
                    + (record == null ? "" : " or " + record.getSimpleName()));
        }

        private static InvalidFieldException unknown(String path, String why) {
            return new InvalidFieldException("condition", "unknown-field", "condition names " + path
                    + ", which it may not read: " + why + " (docs/workflow-rules.md lists the fields)");
        }

        private static Optional<Type> component(Class<?> type, String name) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(name)) {
                    return Optional.of(component.getGenericType());
                }
            }
            return Optional.empty();
        }

        private static Class<?> raw(Type type) {
            if (type instanceof Class<?> plain) {
                return plain;
            }
            if (type instanceof ParameterizedType generic) {
                return (Class<?>) generic.getRawType();
            }
            return Object.class;
        }
    }
}
