package io.astroshield.domain.catalog;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Walks a CCSDS NDM/XML document with StAX and reports, for each message element (omm, oem, ...),
 * its start, its leaf elements as {@link FieldValue}s (element name, text, units attribute, line),
 * and its end. CCSDS XML messages are flat enough that their leaves carry everything the readers
 * need; the structural elements (header, body, segment, ...) only group them.
 *
 * <p>DTDs and external entities are refused, so a hostile document cannot make the reader fetch
 * files or expand entities without bound.
 */
final class XmlLeaves {

    /** Receives the walk's events. */
    interface Handler {
        /** A message element opened (its local name, e.g. "omm"), at a line. */
        void startMessage(String name, String version, int line);

        /** A leaf element inside a message, with its enclosing element's local name. */
        void leaf(String parent, FieldValue value) throws BadRecord;

        /** A non-leaf element inside a message opened (e.g. "stateVector"). */
        void startGroup(String name, int line) throws BadRecord;

        /** A non-leaf element inside a message closed. */
        void endGroup(String name, int line) throws BadRecord;

        /** The message element closed. */
        void endMessage(int line);
    }

    private XmlLeaves() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException ignoredUnsupported) {
            // not every StAX implementation knows this property; DTD support is already off
        }
        return factory;
    }

    /**
     * Walks the document. {@code messageNames} are the local names that open a message.
     *
     * @throws BadRecord for a document that is not well-formed XML (line of the fault)
     */
    static void walk(String text, java.util.Set<String> messageNames, Handler handler) throws BadRecord {
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new StringReader(text));
            Deque<Frame> stack = new ArrayDeque<>();
            int messageDepth = -1;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    int line = line(reader.getLocation());
                    if (!stack.isEmpty()) {
                        Frame parent = stack.peek();
                        if (!parent.hasChildren && parent.inMessage && stack.size() - 1 > messageDepth) {
                            handler.startGroup(parent.name, parent.line);
                        }
                        parent.hasChildren = true;
                    }
                    boolean inMessage = messageDepth >= 0;
                    Frame frame = new Frame(name, line, inMessage);
                    if (!inMessage && messageNames.contains(name)) {
                        messageDepth = stack.size();
                        frame.inMessage = true;
                        frame.isMessage = true;
                        handler.startMessage(name, reader.getAttributeValue(null, "version"), line);
                    } else if (inMessage) {
                        frame.units = reader.getAttributeValue(null, "units");
                        String parameter = reader.getAttributeValue(null, "parameter");
                        if (parameter != null) {
                            frame.key = name + "_" + parameter.strip();
                        }
                    }
                    stack.push(frame);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    Frame top = stack.peek();
                    if (top != null && top.inMessage && top.text.length() < 100_000) {
                        top.text.append(reader.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    Frame frame = stack.pop();
                    int line = line(reader.getLocation());
                    if (frame.isMessage) {
                        messageDepth = -1;
                        handler.endMessage(line);
                    } else if (frame.inMessage) {
                        if (frame.hasChildren) {
                            handler.endGroup(frame.name, line);
                        } else {
                            String key = frame.key != null ? frame.key : frame.name;
                            handler.leaf(stack.isEmpty() ? "" : stack.peek().name,
                                    new FieldValue(key, frame.text.toString().strip(), frame.units, frame.line));
                        }
                    }
                }
            }
        } catch (XMLStreamException ex) {
            int line = ex.getLocation() == null ? 0 : line(ex.getLocation());
            String why = ex.getMessage() == null ? "malformed XML" : ex.getMessage();
            // StAX prefixes its message with "ParseError at [row,col]:[...]"; keep the human part
            int cut = why.indexOf("Message: ");
            throw new BadRecord(line, null, "not well-formed XML: " + Values.abbreviate(cut >= 0 ? why.substring(cut + 9) : why));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a String releases nothing that matters
                }
            }
        }
    }

    private static int line(Location location) {
        return location == null ? 0 : Math.max(0, location.getLineNumber());
    }

    private static final class Frame {
        final String name;
        final int line;
        boolean inMessage;
        boolean isMessage;
        boolean hasChildren;
        String units;
        String key;
        final StringBuilder text = new StringBuilder();

        Frame(String name, int line, boolean inMessage) {
            this.name = name;
            this.line = line;
            this.inMessage = inMessage;
        }
    }
}
