package io.hookwire.server.operator;

import io.hookwire.server.operator.api.AccountsApiController;
import io.hookwire.server.operator.model.UserCreate;
import io.hookwire.server.platform.errors.RuleViolation;
import java.util.List;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Checks a new user's environments against its account while the body is validated, so that an
 * environment of another account is reported together with the schema's violations (as the spec's
 * {@code invalidUser} example shows). {@link AccountsService#createUser} checks them again under
 * lock; an unknown account is left to it (404).
 */
@ControllerAdvice(assignableTypes = AccountsApiController.class)
class UserEnvironmentsValidation {

  private static final String POINTER = "/environment_ids/";

  private final AccountsService accounts;

  UserEnvironmentsValidation(AccountsService accounts) {
    this.accounts = accounts;
  }

  @InitBinder("userCreate")
  void environmentsOfTheAccount(WebDataBinder binder, @PathVariable String accountId) {
    binder.addValidators(
        new Validator() {
          @Override
          public boolean supports(Class<?> type) {
            return UserCreate.class.isAssignableFrom(type);
          }

          @Override
          public void validate(Object target, Errors errors) {
            var listed = ((UserCreate) target).getEnvironmentIds();
            List<String> environmentIds = listed == null ? null : listed.orElse(null);
            if (environmentIds == null || !(errors instanceof BindingResult result)) {
              return;
            }
            accounts
                .environmentIds(accountId)
                .ifPresent(
                    ofAccount -> {
                      for (var violation :
                          AccountsService.environmentViolations(
                              accountId, ofAccount, environmentIds)) {
                        String index = violation.pointer().substring(POINTER.length());
                        String field = "environmentIds[" + index + "]";
                        // An id of the wrong form is the schema's to report, once.
                        if (result.getFieldErrors().stream()
                            .noneMatch(error -> error.getField().startsWith(field))) {
                          result.addError(
                              new RuleViolation(errors.getObjectName(), field, violation));
                        }
                      }
                    });
          }
        });
  }
}
