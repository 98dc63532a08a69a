package org.veche.site.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Bean Validation starts when something is first validated, not with the site. Hibernate Validator's classes must
 * be there (springdoc reads its constraint annotations for the API description), and Spring Boot then builds its
 * validator at every start, which loads some 500 classes; nothing here validates today (no {@code @Valid}), so the
 * validator is made lazily, and Spring MVC is given one that asks for it on its first validation.
 */
@Configuration(proxyBeanMethods = false)
class ValidationOnFirstUse implements WebMvcConfigurer {

	/** Spring Boot's validator bean (ValidationAutoConfiguration). */
	static final String BOOT_VALIDATOR = "defaultValidator";

	private final ObjectProvider<jakarta.validation.Validator> validator;

	ValidationOnFirstUse(ObjectProvider<jakarta.validation.Validator> validator) {
		this.validator = validator;
	}

	@Bean
	static BeanFactoryPostProcessor bootValidatorOnFirstUse() {
		return factory -> {
			if (factory.containsBeanDefinition(BOOT_VALIDATOR)) {
				factory.getBeanDefinition(BOOT_VALIDATOR).setLazyInit(true);
			}
		};
	}

	@Override
	public Validator getValidator() {
		return new Deferred(validator);
	}

	/** Spring MVC's validator: the real one is looked up (and so built) on the first validation. */
	static final class Deferred implements SmartValidator {

		private final ObjectProvider<jakarta.validation.Validator> validator;

		private volatile SmartValidator resolved;

		Deferred(ObjectProvider<jakarta.validation.Validator> validator) {
			this.validator = validator;
		}

		@Override
		public boolean supports(Class<?> type) {
			// what Spring's adapter answers for every type, without building anything
			return true;
		}

		@Override
		public void validate(Object target, Errors errors) {
			resolved().validate(target, errors);
		}

		@Override
		public void validate(Object target, Errors errors, Object... hints) {
			resolved().validate(target, errors, hints);
		}

		@Override
		public void validateValue(Class<?> targetType, String fieldName, Object value, Errors errors, Object... hints) {
			resolved().validateValue(targetType, fieldName, value, errors, hints);
		}

		private SmartValidator resolved() {
			SmartValidator current = resolved;
			if (current == null) {
				jakarta.validation.Validator found = validator.getIfUnique();
				current = found == null ? new Nothing() : found instanceof SmartValidator smart ? smart
						: new SpringValidatorAdapter(found);
				resolved = current;
			}
			return current;
		}

	}

	/** No Bean Validation provider at all: nothing to check, as Spring's optional validator does then. */
	private static final class Nothing implements SmartValidator {

		@Override
		public boolean supports(Class<?> type) {
			return false;
		}

		@Override
		public void validate(Object target, Errors errors) {
		}

		@Override
		public void validate(Object target, Errors errors, Object... hints) {
		}

	}

}
