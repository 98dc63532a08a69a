package org.veche.site;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * A bean for one node on SQLite (any database but PostgreSQL): the counterpart of
 * {@link OnPostgreSql}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("!'${spring.datasource.url:}'.startsWith('jdbc:postgresql:')")
public @interface OnSqlite {

}
