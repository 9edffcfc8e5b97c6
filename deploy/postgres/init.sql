-- One database per service (each service owns its data).
create database plans;
create database usage;
