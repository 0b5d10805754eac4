package co.vaultera.customer;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.common.Ids;
import co.vaultera.common.Timestamps;
import co.vaultera.customer.Customer.Address;
import co.vaultera.customer.api.AddressDetails;
import co.vaultera.customer.api.CustomerDeleteResponse;
import co.vaultera.customer.api.CustomerRequest;
import co.vaultera.customer.api.CustomerResponse;
import co.vaultera.web.auth.MerchantContext;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Customers API of one merchant. */
@Service
public class CustomerService {

    private final CustomerRepository customers;

    public CustomerService(CustomerRepository customers) {
        this.customers = customers;
    }

    /**
     * Creates the customer, or — per the spec, "in case the customer already exists … respond with the customer
     * details" — answers the stored one unchanged. That holds for a concurrent create of the same id too: the
     * loser of the insert race reads the winner's row. A deleted id is never reused.
     */
    public CustomerResponse create(MerchantContext merchant, CustomerRequest req, String idSeed) {
        String id = req.customerId() != null ? req.customerId()
                : idSeed != null ? "cus_" + idSeed : Ids.customer();
        AddressDetails a = req.address();
        Customer customer = new Customer(id, req.name(), req.email(), req.phone(), req.phoneCountryCode(),
                req.description(),
                a == null ? null : new Address(Ids.address(), a.city(), a.country(), a.line1(), a.line2(),
                        a.line3(), a.zip(), a.state(), a.firstName(), a.lastName()),
                req.metadata(), null, Timestamps.now(), false);
        if (customers.insert(merchant.dataKey(), customer)) {
            return toResponse(customer);
        }
        Customer existing = customers.find(merchant.dataKey(), id).orElseThrow(() ->
                new IllegalStateException("customer insert conflicted but no row was found"));
        if (existing.redacted()) {
            throw redacted();
        }
        return toResponse(existing);
    }

    public CustomerResponse retrieve(MerchantContext merchant, String customerId) {
        return toResponse(customers.find(merchant.dataKey(), customerId).orElseThrow(CustomerService::notFound));
    }

    /** Whether the merchant has this customer and it is not deleted: only such a customer can pay. */
    public boolean isActive(MerchantContext merchant, String customerId) {
        return customers.find(merchant.dataKey(), customerId).filter(c -> !c.redacted()).isPresent();
    }

    public List<CustomerResponse> list(MerchantContext merchant, String customerId, int limit, int offset) {
        return customers.list(merchant.dataKey(), customerId, limit, offset).stream()
                .map(CustomerService::toResponse).toList();
    }

    /** Changes only the fields sent; {@code metadata} is replaced whole; the address is created or updated. */
    @Transactional
    public CustomerResponse update(MerchantContext merchant, String customerId, CustomerRequest req) {
        Customer current = lockActive(merchant, customerId);
        Address address = current.address();
        AddressDetails a = req.address();
        if (a != null) {
            Address base = address != null ? address
                    : new Address(Ids.address(), null, null, null, null, null, null, null, null, null);
            address = new Address(base.addressId(), or(a.city(), base.city()), or(a.country(), base.country()),
                    or(a.line1(), base.line1()), or(a.line2(), base.line2()), or(a.line3(), base.line3()),
                    or(a.zip(), base.zip()), or(a.state(), base.state()), or(a.firstName(), base.firstName()),
                    or(a.lastName(), base.lastName()));
        }
        Customer updated = new Customer(customerId, or(req.name(), current.name()),
                or(req.email(), current.email()), or(req.phone(), current.phone()),
                or(req.phoneCountryCode(), current.phoneCountryCode()), or(req.description(), current.description()),
                address, or(req.metadata(), current.metadata()), current.defaultPaymentMethodId(),
                current.createdAt(), false);
        if (a != null) {
            customers.upsertAddress(merchant.dataKey(), updated);
        }
        customers.update(merchant.dataKey(), updated);
        return toResponse(updated);
    }

    /** Redacts the customer; its id stays taken. */
    @Transactional
    public CustomerDeleteResponse delete(MerchantContext merchant, String customerId) {
        lockActive(merchant, customerId);
        customers.redact(merchant.dataKey(), customerId);
        return new CustomerDeleteResponse(customerId, true, true, true);
    }

    private Customer lockActive(MerchantContext merchant, String customerId) {
        Customer current = customers.findForUpdate(merchant.dataKey(), customerId)
                .orElseThrow(CustomerService::notFound);
        if (current.redacted()) {
            throw redacted();
        }
        return current;
    }

    static ApiException notFound() {
        return ApiException.notFound("Customer");
    }

    private static ApiException redacted() {
        return new ApiException(ErrorCode.IR_11, "Customer has already been redacted");
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static CustomerResponse toResponse(Customer c) {
        Address a = c.address();
        return new CustomerResponse(c.customerId(), c.name(), c.email(), c.phone(), c.phoneCountryCode(),
                c.description(),
                a == null ? null : new AddressDetails(a.city(), a.country(), a.line1(), a.line2(), a.line3(),
                        a.zip(), a.state(), a.firstName(), a.lastName()),
                Timestamps.format(c.createdAt()), c.metadata(), c.defaultPaymentMethodId());
    }
}
