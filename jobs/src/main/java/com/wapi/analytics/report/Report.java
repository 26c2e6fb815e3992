package com.wapi.analytics.report;

import java.util.List;

/** A computed report: its sections and the definitions it used (printed as its footer). */
public record Report(String name, ReportPeriod period, List<Section> sections, List<String> definitions) {

    /** The named section, or the first when no name is given (CSV holds one section). */
    public Section sectionOrFirst(String sectionName) {
        return sectionName == null ? sections.get(0) : section(sectionName);
    }

    public Section section(String sectionName) {
        return sections.stream().filter(s -> s.name().equals(sectionName)).findFirst()
                .orElseThrow(() -> new com.wapi.analytics.InvalidInputException("report " + name + " has no section " + sectionName
                        + "; sections: " + sections.stream().map(Section::name).toList()));
    }
}
