package co.vaultera.web;

import co.vaultera.web.auth.AuthArgumentResolver;
import java.util.List;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    private final AuthArgumentResolver auth;

    public WebConfig(AuthArgumentResolver auth) {
        this.auth = auth;
    }

    @Bean
    static WebMvcRegistrations firstSegmentHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new FirstSegmentHandlerMapping();
            }
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(auth);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Not on the error page: it answers whatever the failed request carried.
        String processorReturns = "/payments/*/*/redirect/**";
        registry.addInterceptor(new QueryParameterCheck(false)).excludePathPatterns("/error", processorReturns);
        registry.addInterceptor(new QueryParameterCheck(true)).addPathPatterns(processorReturns);
    }
}
