package dev.atelier.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.AtelierTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Repository;

/**
 * The row classes (@Repository) are plain objects: Boot's exception translation would wrap each in
 * a CGLIB proxy made at every start and run an interceptor on every call, with nothing to translate
 * (JdbcClient already throws DataAccessExceptions). See spring.persistence.exceptiontranslation in application.yml.
 */
@AtelierTest
class RepositoryProxiesTest {

    @Autowired
    ApplicationContext context;

    @Test
    void rowClassesAreNotProxied() {
        var repositories = context.getBeansWithAnnotation(Repository.class);
        assertThat(repositories).hasSizeGreaterThanOrEqualTo(8);
        assertThat(repositories.values()).noneMatch(AopUtils::isAopProxy);
    }
}
