package echos.common.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    @Test
    void idsAreObjectIdsWhoseTimeIsTheClocksSecond() {
        Instant now = Instant.parse("2026-12-07T12:00:00.750Z");
        IdGenerator ids = new IdGenerator(Clock.fixed(now, ZoneOffset.UTC));
        String id = ids.next();
        assertTrue(id.matches("[0-9a-f]{24}"), id);
        assertTrue(ObjectId.isValid(id));
        assertEquals(now.getEpochSecond(), new ObjectId(id).getTimestamp());
    }

    @Test
    void idsMadeInTheSameSecondDiffer() {
        IdGenerator ids = new IdGenerator(Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(ids.next()));
        }
    }
}
