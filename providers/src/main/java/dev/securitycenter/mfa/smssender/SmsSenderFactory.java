package dev.securitycenter.mfa.smssender;

import dev.securitycenter.spi.LifecycleFreeProviderFactory;

public interface SmsSenderFactory extends LifecycleFreeProviderFactory<SmsSender> {
}
