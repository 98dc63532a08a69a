package org.veche.site;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * A bean for a site on PostgreSQL, which several nodes may share: sessions in the
 * database, scheduled jobs that run on one node at a time, messages between nodes. On
 * SQLite (one node) these beans do not exist and the site runs as it always has.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:postgresql:')")
public @interface OnPostgreSql {

}
