package echos.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies must have the shape the API documents: Jackson would otherwise turn a number or boolean sent where a
 * string is expected into its text, and a string where an object is expected into an object through a one-argument
 * constructor. Both now fail as malformed_json.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.POJO, CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean);
    }

    private static void refuse(ObjectMapper mapper, LogicalType target, CoercionInputShape... from) {
        for (CoercionInputShape shape : from) {
            mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
