package io.relais.workflow;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The workflow processor records a rule's failing condition or refused action and goes on; any other failure (the
 * database) must not skip the event: it propagates, and the processor retries the event after a pause.
 */
@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    @Autowired
    void retryFailedRuns(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(WorkflowRules.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
