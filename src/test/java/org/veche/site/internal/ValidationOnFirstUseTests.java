package org.veche.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.NotBlank;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

/**
 * Spring Boot's Bean Validation validator (Hibernate Validator) is not built with the context, and the validator
 * Spring MVC is given builds it, and validates with it, when it is first asked to validate.
 */
class ValidationOnFirstUseTests {

	record Letter(@NotBlank String signature) {
	}

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(ValidationOnFirstUse.class);

	@Test
	void theValidatorIsBuiltOnTheFirstValidationNotWithTheContext() {
		contexts.run(context -> {
			var beans = context.getBeanFactory();
			assertThat(beans.containsBeanDefinition(ValidationOnFirstUse.BOOT_VALIDATOR)).as("Boot's validator").isTrue();
			assertThat(beans.containsSingleton(ValidationOnFirstUse.BOOT_VALIDATOR)).as("built with the context").isFalse();
			Validator mvc = context.getBean(ValidationOnFirstUse.class).getValidator();
			assertThat(mvc.supports(Letter.class)).isTrue();
			assertThat(beans.containsSingleton(ValidationOnFirstUse.BOOT_VALIDATOR)).as("built by supports").isFalse();

			var unsigned = new Letter(" ");
			var errors = new BeanPropertyBindingResult(unsigned, "letter");
			mvc.validate(unsigned, errors);

			assertThat(errors.getFieldErrors()).extracting(FieldError::getField).containsExactly("signature");
			assertThat(beans.containsSingleton(ValidationOnFirstUse.BOOT_VALIDATOR)).as("built on first use").isTrue();
		});
	}

}
