package io.relais.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.util.Map;

/**
 * How the API reads JSON, beyond the {@code spring.jackson.*} settings (unknown fields, trailing content,
 * duplicate keys and numbers for enums all refused): a value of one JSON type never stands for another
 * ({@code 1} is not a string, {@code "12"} not a number, {@code 1} not a boolean or a date), and no text,
 * whether bound to a record or read as a tree (merge patches), holds a NUL or an unpaired surrogate. Only Spring's
 * mapper: Axon's storage mapper ({@code EventStoreConfiguration}) never changes.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder
                .deserializerByType(String.class, new WellFormedStringDeserializer())
                .deserializerByType(JsonNode.class, new WellFormedTreeDeserializer())
                .postConfigurer(StrictJson::refuseCoercions);
    }

    private static void refuseCoercions(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.DateTime)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }

    /** Jackson's own string reading, then the check for text PostgreSQL cannot store. */
    private static final class WellFormedStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return UnstorableTextException.checked(parser, super.deserialize(parser, context));
        }
    }

    /** Jackson's own tree reading, then the check for text PostgreSQL cannot store of every text in the tree, naming where it is. */
    private static final class WellFormedTreeDeserializer extends StdDeserializer<JsonNode> {

        private final JsonDeserializer<? extends JsonNode> trees = JsonNodeDeserializer.getDeserializer(JsonNode.class);

        WellFormedTreeDeserializer() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = trees.deserialize(parser, context);
            check(parser, tree);
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) throws JsonMappingException {
            return trees.getNullValue(context);
        }

        private static void check(JsonParser parser, JsonNode node) throws UnstorableTextException {
            if (node.isTextual()) {
                UnstorableTextException.checked(parser, node.textValue());
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    try {
                        check(parser, node.get(i));
                    } catch (UnstorableTextException e) {
                        e.prependPath(node, i);
                        throw e;
                    }
                }
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    try {
                        check(parser, field.getValue());
                    } catch (UnstorableTextException e) {
                        e.prependPath(node, field.getKey());
                        throw e;
                    }
                }
            }
        }
    }
}
