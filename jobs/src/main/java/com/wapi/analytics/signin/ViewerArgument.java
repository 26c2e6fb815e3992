package com.wapi.analytics.signin;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controllers under /app the signed-in {@link Viewer} that {@link ViewerAccess} let in. */
class ViewerArgument implements HandlerMethodArgumentResolver {

    private final Viewers viewers;

    ViewerArgument(Viewers viewers) {
        this.viewers = viewers;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class;
    }

    @Override
    public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Object checked = request.getAttribute(ViewerAccess.VIEWER, RequestAttributes.SCOPE_REQUEST);
        if (checked instanceof Viewer viewer) {
            return viewer;
        }
        String email = SecurityContextHolder.getContext().getAuthentication().getName();
        return viewers.find(email).orElseThrow(() -> new IllegalStateException("no signed-in user for this request"));
    }
}
