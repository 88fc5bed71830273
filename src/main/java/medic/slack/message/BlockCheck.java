package medic.slack.message;

import static medic.slack.message.SlackLimits.length;
import static medic.slack.message.SlackLimits.object;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/** Checks one block of a message against {@link SlackLimits}, adding what it breaks to a list. */
final class BlockCheck {
    private final String path;
    private final List<String> out;
    private final int[] total;

    BlockCheck(String path, List<String> out, int[] total) {
        this.path = path;
        this.out = out;
        this.total = total;
    }

    void block(JsonObject block) {
        String type = block.has("type") ? block.get("type").getAsString() : "";
        max(path + ".block_id", length(block.get("block_id")), SlackLimits.BLOCK_ID);
        switch (type) {
            case "section" -> section(block);
            case "header" -> text(path + ".text", object(block, "text"), SlackLimits.HEADER_TEXT, "plain_text");
            case "context" -> elements(block, SlackLimits.CONTEXT_ELEMENTS, this::contextElement);
            case "actions" -> elements(block, SlackLimits.ACTIONS_ELEMENTS, this::element);
            case "divider" -> { }
            default -> out.add(path + ": block type \"" + type + "\" is not one medic checks");
        }
    }

    private void section(JsonObject block) {
        JsonObject text = object(block, "text");
        JsonArray fields = block.has("fields") ? block.getAsJsonArray("fields") : null;
        if (text == null && (fields == null || fields.isEmpty())) {
            out.add(path + ": a section needs text or fields");
        }
        if (text != null) {
            text(path + ".text", text, SlackLimits.SECTION_TEXT, null);
        }
        if (fields != null) {
            max(path + ".fields", fields.size(), SlackLimits.SECTION_FIELDS);
            for (int i = 0; i < fields.size(); i++) {
                text(path + ".fields[" + i + "]", fields.get(i).getAsJsonObject(), SlackLimits.FIELD_TEXT, null);
            }
        }
        JsonObject accessory = object(block, "accessory");
        if (accessory != null) {
            element(path + ".accessory", accessory);
        }
    }

    private void elements(JsonObject block, int limit, ElementCheck check) {
        JsonArray elements = block.has("elements") ? block.getAsJsonArray("elements") : new JsonArray();
        if (elements.isEmpty()) {
            out.add(path + ".elements: empty");
        }
        max(path + ".elements", elements.size(), limit);
        for (int i = 0; i < elements.size(); i++) {
            check.check(path + ".elements[" + i + "]", elements.get(i).getAsJsonObject());
        }
    }

    private void contextElement(String where, JsonObject element) {
        text(where, element, SlackLimits.TEXT_OBJECT, null);
    }

    private void element(String where, JsonObject element) {
        String type = element.has("type") ? element.get("type").getAsString() : "";
        if (!type.equals("button")) {
            out.add(where + ": element type \"" + type + "\" is not one medic checks");
            return;
        }
        text(where + ".text", object(element, "text"), SlackLimits.BUTTON_TEXT, "plain_text");
        max(where + ".action_id", length(element.get("action_id")), SlackLimits.ACTION_ID);
        max(where + ".value", length(element.get("value")), SlackLimits.BUTTON_VALUE);
        JsonObject confirm = object(element, "confirm");
        if (confirm != null) {
            text(where + ".confirm.title", object(confirm, "title"), SlackLimits.CONFIRM_TITLE, "plain_text");
            text(where + ".confirm.text", object(confirm, "text"), SlackLimits.CONFIRM_TEXT, null);
            text(where + ".confirm.confirm", object(confirm, "confirm"), SlackLimits.CONFIRM_BUTTON, "plain_text");
            text(where + ".confirm.deny", object(confirm, "deny"), SlackLimits.CONFIRM_BUTTON, "plain_text");
        }
    }

    private void text(String where, JsonObject text, int limit, String requiredType) {
        if (text == null) {
            out.add(where + ": missing");
            return;
        }
        String type = text.has("type") ? text.get("type").getAsString() : "";
        if (!type.equals("plain_text") && !type.equals("mrkdwn")) {
            out.add(where + ": text type \"" + type + "\"");
        }
        if (requiredType != null && !requiredType.equals(type)) {
            out.add(where + ": must be " + requiredType + ", is " + type);
        }
        int length = length(text.get("text"));
        total[0] += length;
        if (length == 0) {
            out.add(where + ": empty text (Slack needs at least 1 character)");
        }
        max(where, length, limit);
        if (type.equals("mrkdwn") && fences(text.get("text").getAsString()) % 2 != 0) {
            out.add(where + ": unbalanced ``` code block");
        }
    }

    private void max(String where, int actual, int limit) {
        if (actual > limit) {
            out.add(where + ": " + actual + ", allowed " + limit);
        }
    }

    private static int fences(String text) {
        int count = 0;
        for (int i = text.indexOf("```"); i >= 0; i = text.indexOf("```", i + 3)) {
            count++;
        }
        return count;
    }

    /** Checks one element at a path. */
    @FunctionalInterface
    private interface ElementCheck {
        void check(String where, JsonObject element);
    }
}
