package org.openimr.letter;

import com.openhtmltopdf.context.StylesheetFactoryImpl;
import com.openhtmltopdf.css.sheet.Stylesheet;
import com.openhtmltopdf.css.sheet.StylesheetInfo;
import com.openhtmltopdf.simple.extend.XhtmlNamespaceHandler;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Document;

/**
 * Hands the renderer each letter's style sheet already parsed. Every letter carries the same
 * {@code <style>} (the templates' shared fragment), which the renderer would otherwise parse
 * again for every letter. A parsed sheet is kept by its text, so a
 * template an administrator edits is parsed once in its new form; the renderer shares its own
 * default sheet between letters in the same way.
 */
final class ParsedLetterStyles extends XhtmlNamespaceHandler {

    /** Old versions of an edited style are let go. */
    private static final int KEPT = 8;

    private final StylesheetFactoryImpl parser = new StylesheetFactoryImpl(null);
    private final Map<String, Stylesheet> parsed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stylesheet> eldest) {
            return size() > KEPT;
        }
    };

    @Override
    public StylesheetInfo[] getStylesheets(Document document) {
        StylesheetInfo[] sheets = super.getStylesheets(document);
        for (StylesheetInfo sheet : sheets) {
            if (sheet.isInline()) {
                sheet.setStylesheet(parsed(sheet));
                // No longer inline: the renderer takes a sheet that is not inline as it is given.
                sheet.setContent(null);
            }
        }
        return sheets;
    }

    private synchronized Stylesheet parsed(StylesheetInfo sheet) {
        return parsed.computeIfAbsent(sheet.getContent(), css -> parser.parse(new StringReader(css), sheet));
    }
}
