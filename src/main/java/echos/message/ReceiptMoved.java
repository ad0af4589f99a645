package echos.message;

import java.util.List;

/** A member's delivered or read position moved forward. */
public record ReceiptMoved(String conversationId, String userId, long deliveredSeq, long readSeq, List<String> memberIds) {
}
