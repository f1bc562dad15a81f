package org.sluice.events.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sluice.events.Event;
import org.sluice.events.EventData;
import org.sluice.events.EventType;
import org.sluice.events.SampleEvents;
import org.sluice.events.schema.SchemaValidator;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    static Stream<EventData> samples() {
        return SampleEvents.all().stream();
    }

    @Test
    void everyEventTypeHasASample() {
        Set<EventType> sampled = SampleEvents.all().stream().map(EventType::of).collect(Collectors.toSet());
        assertThat(sampled).isEqualTo(EnumSet.allOf(EventType.class));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripsEveryTypeAndFitsTheSchemas(EventData data) throws Exception {
        Event<?> event = SampleEvents.event(data);
        byte[] bytes = codec.encode(event);

        JsonNode tree = Json.mapper().readTree(bytes);
        assertThat(SchemaValidator.forSchema("CloudEvent.schema.json").validate(tree))
                .isEmpty();
        assertThat(SchemaValidator.forSchema(event.type().schemaFile()).validate(tree.get("data")))
                .isEmpty();
        assertThat(tree.get("type").asText()).isEqualTo(event.type().typeName());
        assertThat(tree.get("subject").asText()).isEqualTo(data.subject());

        assertThat(codec.decode(bytes)).isEqualTo(event);
    }

    @Test
    void encodingIsCanonicalAndStable() {
        Event<?> event = SampleEvents.event(SampleEvents.all().get(0));
        String text = codec.encodeToString(event);
        assertThat(text)
                .startsWith("{\"actor\":\"anna@umcu\",\"actorinstitution\":\"i-umcu\",\"actorroles\":\"submitter\"");
        assertThat(text).doesNotContain(" \"").doesNotContain("\n");
        assertThat(codec.encode(event)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rawDecodingKeepsCanonicalBytesOfUnknownTypes() throws Exception {
        ObjectNode tree = codec.toTree(SampleEvents.event(SampleEvents.all().get(0)));
        tree.put("type", "SomethingNewer");
        byte[] bytes = Json.mapper().writeValueAsBytes(tree);

        RawEvent raw = codec.decodeRaw(bytes);
        assertThat(raw.type()).isEqualTo("SomethingNewer");
        assertThat(raw.canonical()).isEqualTo(CanonicalJson.toBytes(tree));
        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("SomethingNewer");
    }

    @Test
    void poisonRecordsAreRejectedWithTheReason() throws Exception {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class)
                .isNotInstanceOf(UnknownEventTypeException.class)
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> codec.decode(new byte[0])).hasMessage("empty record value");
        assertThatThrownBy(() -> codec.decode("{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("CloudEvents attribute 'id' is missing");

        ObjectNode tree = codec.toTree(SampleEvents.event(SampleEvents.all().get(0)));
        ((ObjectNode) tree.get("data").get("request").get("destination")).remove("partnerId");
        assertThatThrownBy(() -> codec.decode(Json.mapper().writeValueAsBytes(tree)))
                .hasMessage("TransferRequested is missing required field data.request.destination.partnerId");

        ObjectNode wrongSubject =
                codec.toTree(SampleEvents.event(SampleEvents.all().get(0)));
        wrongSubject.put("subject", "tr-other");
        assertThatThrownBy(() -> codec.decode(Json.mapper().writeValueAsBytes(wrongSubject)))
                .hasMessageContaining("does not match");

        ObjectNode wrongType =
                codec.toTree(SampleEvents.event(SampleEvents.all().get(0)));
        ((ObjectNode) wrongType.get("data").get("request").get("dataset")).put("subjects", "many");
        assertThatThrownBy(() -> codec.decode(Json.mapper().writeValueAsBytes(wrongType)))
                .hasMessageStartingWith("TransferRequested data does not fit its schema");
    }

    @Test
    void nullableFieldsMayBeAbsent() throws Exception {
        ObjectNode tree = codec.toTree(SampleEvents.event(SampleEvents.all().get(1)));
        ((ObjectNode) tree.get("data")).remove("reason");
        Event<?> decoded = codec.decode(Json.mapper().writeValueAsBytes(tree));
        assertThat(decoded.data().subject()).isEqualTo(SampleEvents.TRANSFER);
    }
}
