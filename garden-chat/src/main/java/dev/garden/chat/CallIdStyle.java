package dev.garden.chat;

import dev.garden.core.IdGenerator;

/** What a family's call ids must look like, so that its template accepts them when the client sends them back. */
enum CallIdStyle {
    /** OpenAI's {@code call_...}. */
    OPENAI {
        @Override
        String next(IdGenerator ids) {
            return ids.next("call_");
        }
    },
    /**
     * Nine letters and digits: Mistral's templates refuse any other id in the history ("Tool call IDs should be
     * alphanumeric strings with length 9!").
     */
    NINE_ALPHANUMERIC {
        @Override
        String next(IdGenerator ids) {
            StringBuilder id = new StringBuilder();
            for (char c : ids.next("").toCharArray()) {
                if (c < 128 && Character.isLetterOrDigit(c)) {
                    id.append(c);
                }
            }
            while (id.length() < 9) {
                id.insert(0, '0');
            }
            return id.substring(id.length() - 9);
        }
    };

    abstract String next(IdGenerator ids);
}
