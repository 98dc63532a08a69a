package org.veche.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.NotBlank;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.SmartValidator;
import org.veche.support.IntegrationTest;

/**
 * The started site has not built Bean Validation (Hibernate Validator's bootstrap is a few hundred classes that no
 * page needs), and Spring MVC's validator still validates when it is first asked to.
 */
class ValidationOnFirstUseIT extends IntegrationTest {

	record Letter(@NotBlank String signature) {
	}

	@Autowired
	ConfigurableListableBeanFactory beans;

	@Autowired
	SmartValidator mvcValidator;

	@Test
	void theValidatorIsBuiltOnTheFirstValidationNotAtStart() {
		assertThat(beans.containsBeanDefinition(ValidationOnFirstUse.BOOT_VALIDATOR)).as("Spring Boot's validator")
			.isTrue();
		assertThat(beans.containsSingleton(ValidationOnFirstUse.BOOT_VALIDATOR)).as("built at start").isFalse();

		var unsigned = new Letter(" ");
		var errors = new BeanPropertyBindingResult(unsigned, "letter");
		mvcValidator.validate(unsigned, errors);

		assertThat(errors.getFieldErrors()).extracting(e -> e.getField()).containsExactly("signature");
		assertThat(beans.containsSingleton(ValidationOnFirstUse.BOOT_VALIDATOR)).as("built on first use").isTrue();
	}

}
