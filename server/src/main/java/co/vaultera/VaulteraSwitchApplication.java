package co.vaultera;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class VaulteraSwitchApplication {

    public static void main(String[] args) {
        SpringApplication.run(VaulteraSwitchApplication.class, args);
    }
}
