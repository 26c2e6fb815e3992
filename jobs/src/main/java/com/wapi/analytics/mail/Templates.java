package com.wapi.analytics.mail;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The FreeMarker templates of every email: those packaged from templates/, overridable file by file from the
 * folder named by WAPI_TEMPLATES_DIR. Every template sees publicUrl (wapi.public-url), to link to the pages.
 */
@Component
public class Templates {

    private final Configuration configuration;

    public Templates(@Value("${wapi.templates-dir:}") String overrideDir,
            @Value("${wapi.public-url:http://localhost:8080}") String publicUrl) throws IOException {
        List<TemplateLoader> loaders = new ArrayList<>();
        if (!overrideDir.isBlank()) {
            File dir = new File(overrideDir);
            if (!dir.isDirectory()) {
                throw new IllegalStateException("WAPI_TEMPLATES_DIR " + overrideDir + " is not a folder: "
                        + "point it at a copy of templates/ or unset it");
            }
            loaders.add(new FileTemplateLoader(dir));
        }
        loaders.add(new ClassTemplateLoader(Templates.class, "/templates/"));
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setFallbackOnNullLoopVariable(false);
        try {
            configuration.setSharedVariable("publicUrl", publicUrl.replaceAll("/+$", ""));
        } catch (freemarker.template.TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }

    public String render(String name, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            configuration.getTemplate(name).process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
        }
    }
}
