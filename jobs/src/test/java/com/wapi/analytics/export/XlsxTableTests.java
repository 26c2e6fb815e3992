package com.wapi.analytics.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.report.Column;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Rows past a sheet's limit go on to a next sheet with its own header, so no export is cut short. */
class XlsxTableTests {

    @Test
    void rowsPastASheetsLimitContinueOnTheNextSheet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxTable table = new XlsxTable(out, "recipients", List.of(Column.text("wamid"), Column.count("n")), 3)) {
            for (long n = 1; n <= 5; n++) {
                table.row("wamid." + n, n);
            }
            table.finish();
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            long expected = 1;
            for (int s = 0; s < 3; s++) {
                XSSFSheet sheet = workbook.getSheetAt(s);
                assertThat(sheet.getSheetName()).isEqualTo(s == 0 ? "recipients" : "recipients " + (s + 1));
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("wamid");
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    assertThat(sheet.getRow(r).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat((long) sheet.getRow(r).getCell(1).getNumericCellValue()).isEqualTo(expected++);
                }
            }
            assertThat(expected).as("every row, once").isEqualTo(6);
        }
    }
}
