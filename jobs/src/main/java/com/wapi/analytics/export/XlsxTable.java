package com.wapi.analytics.export;

import com.wapi.analytics.report.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook with one sheet, streamed through POI's SXSSF (100 rows in memory, the rest in a compressed temporary
 * file): counts, seconds and amounts as numbers, rates as numbers shown as percentages, times as date-times of the
 * organization's zone, text as text cells (never formulas), a frozen header row and columns as wide as their content.
 * Rows past a sheet's limit (1,048,576 with the header) go on to sheets "name 2", "name 3", ..., each with the header.
 */
final class XlsxTable implements ExportTable {

    private static final int WINDOW = 100;
    private static final int MAX_WIDTH = 60;
    private static final Map<Column.Kind, String> FORMATS = new EnumMap<>(Map.of(
            Column.Kind.COUNT, "0", Column.Kind.SECONDS, "0", Column.Kind.RATE, "0.00%", Column.Kind.RATE_CHANGE, "0.00%",
            Column.Kind.AMOUNT, "#,##0.00", Column.Kind.TIME, "yyyy-mm-dd hh:mm:ss"));
    private static final Map<Column.Kind, Integer> WIDTHS = new EnumMap<>(Map.of(
            Column.Kind.COUNT, 10, Column.Kind.SECONDS, 10, Column.Kind.RATE, 9, Column.Kind.RATE_CHANGE, 9,
            Column.Kind.AMOUNT, 12, Column.Kind.TIME, 19));

    private final OutputStream out;
    private final String sheetName;
    private final List<Column> columns;
    private final int rowsPerSheet;
    private final SXSSFWorkbook workbook;
    private final CellStyle header;
    private final CellStyle[] styles;
    private final int[] widths;
    private SXSSFSheet sheet;
    private int rows;

    XlsxTable(OutputStream out, String sheetName, List<Column> columns) {
        this(out, sheetName, columns, SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    XlsxTable(OutputStream out, String sheetName, List<Column> columns, int rowsPerSheet) {
        this.out = out;
        this.sheetName = sheetName;
        this.columns = columns;
        this.rowsPerSheet = rowsPerSheet;
        this.workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        this.styles = new CellStyle[columns.size()];
        this.widths = new int[columns.size()];
        Map<Column.Kind, CellStyle> byKind = new EnumMap<>(Column.Kind.class);
        FORMATS.forEach((kind, format) -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            byKind.put(kind, style);
        });
        Font bold = workbook.createFont();
        bold.setBold(true);
        this.header = workbook.createCellStyle();
        header.setFont(bold);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            styles[i] = byKind.get(column.kind());
            widths[i] = Math.max(column.name().length(), WIDTHS.getOrDefault(column.kind(), 0));
        }
        nextSheet();
    }

    private void nextSheet() {
        int number = workbook.getNumberOfSheets() + 1;
        sheet = workbook.createSheet(number == 1 ? sheetName : sheetName + " " + number);
        rows = 0;
        Row row = sheet.createRow(rows++);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns.get(i).name());
            cell.setCellStyle(header);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(Object... cells) {
        ExportTable.checkWidth(columns, cells);
        if (rows == rowsPerSheet) {
            nextSheet();
        }
        Row row = sheet.createRow(rows++);
        for (int i = 0; i < cells.length; i++) {
            Object value = cells[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            switch (columns.get(i).kind()) {
                case TEXT -> {
                    String text = value.toString();
                    cell.setCellValue(text);
                    widths[i] = Math.max(widths[i], text.length());
                }
                case RATE, RATE_CHANGE -> cell.setCellValue(ExportTable.rate(((Number) value).doubleValue()).doubleValue());
                case AMOUNT -> cell.setCellValue(((BigDecimal) value).doubleValue());
                case TIME -> cell.setCellValue(((OffsetDateTime) value).toLocalDateTime());
                case COUNT, SECONDS -> cell.setCellValue(((Number) value).doubleValue());
            }
            if (styles[i] != null) {
                cell.setCellStyle(styles[i]);
            }
        }
    }

    @Override
    public void finish() throws IOException {
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            for (int i = 0; i < widths.length; i++) {
                workbook.getSheetAt(s).setColumnWidth(i, (Math.min(widths[i], MAX_WIDTH) + 2) * 256);
            }
        }
        workbook.write(out);
        out.flush();
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            // temporary files only; nothing the export depends on
        }
        workbook.dispose();
    }
}
