package org.openimr.letter;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Renders letters from XHTML templates (Thymeleaf) to PDF (OpenHTMLtoPDF). The templates live
 * at {@code imr.organization.letter-templates} (the built-in ones by default, or a folder an
 * administrator edits: {@code file:/etc/imr/letters/}); edits show within a minute, no restart.
 */
@Component
class LetterRenderer {

    /** A rendered letter; its text is extracted only when asked for (see {@link #text(byte[])}). */
    record Rendered(byte[] pdf) {

        String text() {
            return LetterRenderer.text(pdf);
        }
    }

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    /**
     * Parses the filled template for the PDF renderer. Left to the renderer, every letter looked up
     * a new SAX parser on the class path and copied its events into a DOM: a seventh of a letter's time.
     */
    private final DocumentBuilderFactory xhtml = xhtmlParsers();
    private final ParsedLetterStyles styles = new ParsedLetterStyles();

    LetterRenderer(ApplicationContext applicationContext, OrganizationProperties organization) {
        SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
        resolver.setApplicationContext(applicationContext);
        resolver.setPrefix(organization.letterTemplates());
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheTTLMs(60_000L);
        templates.setTemplateResolver(resolver);
        XRLog.setLoggerImpl(new RendererLog());
    }

    Rendered render(LetterKind kind, Map<String, Object> model) {
        return render(kind.template(), model);
    }

    Rendered render(String template, Map<String, Object> model) {
        String html = templates.process(template, new Context(Locale.US, model));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useNamespaceHandler(styles);
            builder.withW3cDocument(parse(html), null);
            builder.toStream(pdf);
            builder.run();
            return new Rendered(pdf.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("Rendering the " + template + " failed", e);
        }
    }

    private Document parse(String html) throws IOException {
        try {
            DocumentBuilder parser;
            synchronized (xhtml) {  // a factory is not guaranteed thread-safe; each letter gets a parser of its own
                parser = xhtml.newDocumentBuilder();
            }
            return parser.parse(new InputSource(new StringReader(html)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("A letter template did not give well-formed XHTML", e);
        }
    }

    /** Namespace-aware as the renderer expects, and never reaching out for a DTD or an external entity. */
    private static DocumentBuilderFactory xhtmlParsers() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be configured safely", e);
        }
        return factory;
    }

    /**
     * A letter's text, from its PDF. As costly as rendering the letter (the positions are sorted), so
     * it is not done for every letter composed, only for those whose text is read.
     */
    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // In position order: the renderer writes a line's inline runs to the PDF out of order.
            PDFTextStripper text = new PDFTextStripper();
            text.setSortByPosition(true);
            return text.getText(document);
        } catch (IOException e) {
            throw new IllegalStateException("Reading a letter's text failed", e);
        }
    }
}
