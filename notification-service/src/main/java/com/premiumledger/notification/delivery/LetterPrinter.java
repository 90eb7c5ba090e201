package com.premiumledger.notification.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * Prints a letter's text as a US Letter PDF (Apache PDFBox, Helvetica), wrapping long lines and starting new
 * pages as needed. The text is what the letter template rendered, address block included.
 */
@Component
class LetterPrinter {

    private static final float MARGIN = 72;
    private static final float FONT_SIZE = 11;
    private static final float LEADING = 15;
    private static final int LINE_CHARACTERS_MAX = 90;

    byte[] print(String text) {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<String> lines = wrap(printable(text, font));
            int linesPerPage = (int) ((PDRectangle.LETTER.getHeight() - 2 * MARGIN) / LEADING);
            for (int start = 0; start < Math.max(1, lines.size()); start += linesPerPage) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, FONT_SIZE);
                    content.setLeading(LEADING);
                    content.newLineAtOffset(MARGIN, PDRectangle.LETTER.getHeight() - MARGIN);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + linesPerPage))) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helvetica's encoding has the Spanish letters but not every character: the rest print as '?'. */
    private static String printable(String text, PDType1Font font) {
        StringBuilder printable = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            if (character.equals("\n")) {
                printable.append(character);
                return;
            }
            try {
                font.encode(character);
                printable.append(character);
            } catch (IOException | IllegalArgumentException unsupported) {
                printable.append('?');
            }
        });
        return printable.toString();
    }

    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r", "").replace("\t", " ").split("\n", -1)) {
            String rest = paragraph;
            while (rest.length() > LINE_CHARACTERS_MAX) {
                int cut = rest.lastIndexOf(' ', LINE_CHARACTERS_MAX);
                if (cut <= 0) {
                    cut = LINE_CHARACTERS_MAX;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
            }
            lines.add(rest);
        }
        return lines;
    }
}
